"""Prints, as JSON, every data validation of a workbook as openpyxl reads
it: {sheet: [[type, sqref, formula1], ...]}. Usage: dump_validations.py IN.xlsx"""
import json
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    out[ws.title] = [[dv.type, str(dv.sqref), dv.formula1] for dv in ws.data_validations.dataValidation]
print(json.dumps(out))
