"""Prints, as JSON, what an answered-back workbook shows as openpyxl reads
it: every commented cell ({sheet: {cell: [fill, author, text]}}) and the
Review sheet's rows with their link targets. Usage: dump_answers.py IN.xlsx"""
import json
import sys
import warnings

import openpyxl

warnings.simplefilter("ignore")
wb = openpyxl.load_workbook(sys.argv[1])
out = {"first": wb.sheetnames[0], "active": wb.active.title, "cells": {}, "review": [], "reviewheader": []}
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if c.comment:
                out["cells"].setdefault(ws.title, {})[c.coordinate] = [
                    (c.fill.fgColor.rgb or "")[-6:], c.comment.author, c.comment.text]
# The Review sheet is the one the workbook opens on, named in the
# workbook's language.
if wb.active.title != wb.sheetnames[0]:
    out["reviewheader"] = [str(c.value or "") for c in wb.active[1]]
    for row in wb.active.iter_rows(min_row=2):
        link = row[1].hyperlink.location if row[1].hyperlink else ""
        out["review"].append([str(c.value or "") for c in row[:7]] + [link or ""])
print(json.dumps(out))
