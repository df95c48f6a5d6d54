#!/usr/bin/env python3
"""Reads a leverage workbook with openpyxl, as an NGO's own tools would, and
checks it against the facts the Go test states in EXPECTED.json: sheet
names, row counts, sums of counts and amounts, dates, hyperlinks, frozen
panes, autofilters, number formats, and that no cell holds a formula.

Usage: check_workbook.py WORKBOOK.xlsx EXPECTED.json
Prints one line per check and exits 1 if any fails.
"""
import datetime
import json
import sys

import openpyxl
import openpyxl.utils


def main():
    path, expected_path = sys.argv[1], sys.argv[2]
    with open(expected_path) as f:
        exp = json.load(f)
    wb = openpyxl.load_workbook(path)  # not read-only: hyperlinks and panes need the full model
    failures = []

    def check(ok, what):
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            failures.append(what)

    check(wb.sheetnames == exp["sheets"], f"sheet names {wb.sheetnames}")
    for ws in wb.worksheets:
        check(ws.freeze_panes == "A2", f"{ws.title}: header row frozen (freeze_panes={ws.freeze_panes})")
        ref = (ws.auto_filter.ref or "").replace("$", "")
        want_ref = f"A1:{openpyxl.utils.get_column_letter(ws.max_column)}{ws.max_row}"
        check(ref == want_ref, f"{ws.title}: autofilter {ref} covers the table {want_ref}")
        check(not ws.merged_cells.ranges, f"{ws.title}: no merged cells")
        formulas = [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]
        check(not formulas, f"{ws.title}: no formulas ({formulas[:3]})")

    rel = wb["Relationships"]
    header = [c.value for c in rel[1]]
    col = {name: i for i, name in enumerate(header)}
    rows = list(rel.iter_rows(min_row=2, values_only=True))
    check(len(rows) == exp["relationships"], f"Relationships rows {len(rows)} == {exp['relationships']}")
    count_sum = sum(r[col["Count"]] or 0 for r in rows)
    check(count_sum == exp["count_sum"], f"sum of Count {count_sum} == {exp['count_sum']}")
    amount_sum = sum(r[col["Amount"]] or 0 for r in rows)
    check(amount_sum == exp["amount_sum"], f"sum of Amount {amount_sum} == {exp['amount_sum']}")
    check(all(isinstance(r[col["Count"]], int) for r in rows if r[col["Count"]] is not None), "Count cells are numbers")
    check(all(isinstance(r[col["Date"]], datetime.datetime) for r in rows), "Date cells are real dates")
    by_id = {r[col["ID"]]: r for r in rows}
    for rid, want in exp["dates"].items():
        got = by_id[rid][col["Date"]].date().isoformat()
        check(got == want, f"{rid} Date {got} == {want}")
    for rid, note in exp["notes"].items():
        got = by_id[rid][col["Note"]]
        check(got == note, f"{rid} Note kept as text {got!r}")
    first_count = next(i for i, r in enumerate(rows) if r[col["Count"]] is not None) + 2
    c = rel.cell(row=first_count, column=col["Count"] + 1)
    check(c.number_format == "#,##0", f"Count number format {c.number_format}")
    d = rel.cell(row=2, column=col["Date"] + 1)
    check(d.number_format == "yyyy-mm-dd", f"Date number format {d.number_format}")
    n = rel.cell(row=2, column=col["Note"] + 1)
    check(n.number_format == "@", f"Note in Text format ({n.number_format})")
    check(col["Count qualifier"] == col["Count"] + 1, "qualifier beside Count")
    check(col["Amount qualifier"] == col["Currency"] + 1 and col["Currency"] == col["Amount"] + 1, "currency and qualifier beside Amount")

    src = wb["Sources"]
    sh = [c.value for c in src[1]]
    links = {}
    for row in src.iter_rows(min_row=2):
        cell = row[sh.index("URL")]
        if cell.value:
            links[row[0].value] = cell.hyperlink.target if cell.hyperlink else None
    for sid, url in exp["links"].items():
        check(links.get(sid) == url, f"Sources {sid} hyperlink {links.get(sid)}")

    if "Hubs" in wb.sheetnames:
        hubs = wb["Hubs"]
        first = [c.value for c in hubs[2]]
        check(first[:3] == ["all", 1, exp["top_hub"]], f"top hub row {first[:3]}")
    if "Data dictionary" in wb.sheetnames:
        dd = {(r[0], r[1]) for r in wb["Data dictionary"].iter_rows(min_row=2, values_only=True)}
        missing = [f"{ws.title}!{c.value}" for ws in wb.worksheets if ws.title != "Data dictionary"
                   for c in ws[1] if (ws.title.split(" (")[0], c.value) not in dd]
        check(not missing, f"every column documented ({missing[:3]})")

    print(f"{len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
