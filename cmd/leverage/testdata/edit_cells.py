"""Edits cells of a workbook with openpyxl, as an analyst's script or
hand would, and saves it. Usage: edit_cells.py IN.xlsx EDITS.json OUT.xlsx
EDITS is a list of [sheet, cell, kind, value]; kind is text (a string
cell), number, date (ISO day, stored as a date), formula (value without
the leading =), bool, empty, copyrow (value: the row number to copy into
the cell's row, every cell with its format), delsheet (the sheet is
removed; cell and value ignored), renamesheet (value: the new name) or
copysheet (value: the copy's name, placed after the sheet, as Excel's
Move or Copy does) or delrow (the cell's row is deleted, the rows below
move up)."""
import copy
import datetime
import json
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
with open(sys.argv[2]) as f:
    edits = json.load(f)
for sheet, ref, kind, value in edits:
    if kind == "delsheet":
        del wb[sheet]
        continue
    if kind == "delrow":
        wb[sheet].delete_rows(wb[sheet][ref].row)
        continue
    if kind == "copysheet":
        ws = wb.copy_worksheet(wb[sheet])
        ws.title = value
        wb.move_sheet(ws, offset=wb.index(wb[sheet]) - wb.index(ws) + 1)
        continue
    if kind == "renamesheet":
        wb[sheet].title = value
        continue
    if kind == "copyrow":
        ws = wb[sheet]
        dst = ws[ref].row
        for src in ws[int(value)]:
            c = ws.cell(row=dst, column=src.column, value=src.value)
            c.number_format = src.number_format
            c.data_type = src.data_type
        continue
    cell = wb[sheet][ref]
    if kind == "text":
        cell.value = value
        cell.data_type = "s"
    elif kind == "number":
        cell.value = value
        cell.number_format = "General"
    elif kind == "date":
        y, m, d = map(int, value.split("-"))
        cell.value = datetime.datetime(y, m, d)
        cell.number_format = "yyyy-mm-dd"
    elif kind == "formula":
        cell.value = "=" + value
        cell.number_format = "General"
    elif kind == "bool":
        cell.value = bool(value)
        cell.number_format = "General"
    elif kind == "empty":
        cell.value = None
    else:
        sys.exit("unknown edit kind " + kind)
wb.save(sys.argv[3])
