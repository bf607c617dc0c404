#!/usr/bin/env python3
"""Column check for screen tests: reads a captured screen on stdin and
prints, for every grid row (a line starting with HH:MM or the heading
row), the display columns of the separator character (default │),
counting East Asian Wide/Fullwidth characters as 2 columns.  Exits 1
when the rows disagree, or when fewer than MIN rows were found."""
import re
import sys
import unicodedata

sep = sys.argv[1] if len(sys.argv) > 1 else "│"
min_rows = int(sys.argv[2]) if len(sys.argv) > 2 else 5
row_re = re.compile(r"^(\d\d:\d\d|Time)")


def width(ch):
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


seen = None
rows = 0
wide_rows = 0
for line in sys.stdin.read().split("\n"):
    if not row_re.match(line):
        continue
    col = 0
    cols = []
    for ch in line:
        if ch == sep:
            cols.append(col)
        col += width(ch)
    if any(width(c) == 2 for c in line):
        wide_rows += 1
    rows += 1
    if seen is None:
        seen = cols
    elif cols != seen:
        print("misaligned: %r has separators at %s, expected %s" % (line, cols, seen))
        sys.exit(1)
print("rows=%d wide_rows=%d separators=%s" % (rows, wide_rows, seen))
if rows < min_rows or not seen or wide_rows == 0:
    print("too few grid rows, separators or Japanese rows to check")
    sys.exit(1)
