"""Strict bounds of EDTF strings by PyPI's edtf package, the independent
reference for graphmodel.ParsePeriod. One input per line on stdin; one JSON
object per line out: {"ok": false} when edtf refuses the string, else the
class edtf parsed it as and the first and last day the strict bounds allow
("-inf"/"inf" for an open end, "unknown" for an empty one)."""
import contextlib
import json
import math
import sys
import time

from edtf import parse_edtf


def day(t):
    if isinstance(t, float) and math.isinf(t):
        return "-inf" if t < 0 else "inf"
    return time.strftime("%Y-%m-%d", t)


for line in sys.stdin:
    s = line.rstrip("\n")
    try:
        # edtf prints its own tracing on some failures; keep stdout ours.
        with contextlib.redirect_stdout(sys.stderr):
            e = parse_edtf(s)
    except Exception:  # edtf raises more than EDTFParseException on bad days
        print(json.dumps({"ok": False}))
        continue
    a, _, b = s.partition("/")
    out = {"ok": True, "class": type(e).__name__, "lo": day(e.lower_strict()), "hi": day(e.upper_strict())}
    # edtf fills an empty (unknown) end with a guess ten years away; the
    # project reads it as unbounded, so say which ends were empty.
    if "/" in s and a == "":
        out["lo"] = "unknown"
    if "/" in s and b == "":
        out["hi"] = "unknown"
    print(json.dumps(out))
