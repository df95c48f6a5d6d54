"""Reads a Kumu workbook the way a large-file user would (openpyxl,
read_only=True, which trusts each sheet's <dimension>) and prints every
sheet's rows as JSON, each cell as [python type name, value]."""
import json
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
out = {"sheets": wb.sheetnames, "rows": {}, "dimensions": {}}
for ws in wb.worksheets:
    out["dimensions"][ws.title] = ws.calculate_dimension()
    rows = []
    for row in ws.iter_rows(values_only=True):
        rows.append([[type(v).__name__, v] for v in row])
    out["rows"][ws.title] = rows
json.dump(out, sys.stdout)
