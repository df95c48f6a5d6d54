"""Counts the rows of every sheet of a workbook three ways, as different
users' tools see them: openpyxl read_only (which trusts <dimension>),
openpyxl's full model, and pandas.read_excel(sheet_name=None) (header row
added back). Prints JSON {sheet: {"read_only": n, "full": n, "pandas": n}}."""
import json
import sys

import openpyxl
import pandas

path = sys.argv[1]
out = {}
ro = openpyxl.load_workbook(path, read_only=True)
for ws in ro.worksheets:
    out[ws.title] = {"read_only": sum(1 for row in ws.iter_rows(values_only=True) if any(v is not None for v in row))}
full = openpyxl.load_workbook(path)
for ws in full.worksheets:
    out[ws.title]["full"] = sum(1 for row in ws.iter_rows(values_only=True) if any(v is not None for v in row))
for name, frame in pandas.read_excel(path, sheet_name=None).items():
    out[name]["pandas"] = len(frame.dropna(how="all")) + 1
json.dump(out, sys.stdout)
