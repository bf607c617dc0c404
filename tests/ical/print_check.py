#!/usr/bin/python3
"""Check a printed daily schedule (text) and read its table back.
  print_check.py FILE [--page-lines N]
Fails (exit 1, each problem printed) when a line is wider than 80
display columns (East Asian Wide/Fullwidth = 2, combining = 0), a page
has more than N lines (default 60), or the pages are not numbered
'page 1/M' .. 'page M/M' in order, one form feed between pages.
Then prints each appointment row as 'ROW<TAB>time<TAB>org<TAB>contact<TAB>topic<TAB>staff<TAB>room<TAB>note',
the cells put back together from their wrapped lines."""
import re
import sys
import unicodedata

WIDTHS = [6, 5, 20, 13, 14, 9, 7]	# time, channel, organization, contact, topic, staff, room
NOTE_INDENT = 12


def width(s):
    w = 0
    for ch in s:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def cut(s, start, n):
    """The text between display columns start and start+n."""
    out, col = [], 0
    for ch in s:
        w = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        if start <= col < start + n:
            out.append(ch)
        col += w
    return "".join(out).strip()


args = sys.argv[1:]
page_lines = 60
if "--page-lines" in args:
    page_lines = int(args[args.index("--page-lines") + 1])
text = open(args[0], encoding="utf-8").read()
bad = []
pages = text.split("\f")
for i, page in enumerate(pages, 1):
    lines = page.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) > page_lines:
        bad.append("page %d has %d lines" % (i, len(lines)))
    m = re.search(r"page (\d+)/(\d+)$", lines[0]) if lines else None
    if not m or int(m.group(1)) != i or int(m.group(2)) != len(pages):
        bad.append("page %d: header %r lacks 'page %d/%d'" % (i, lines[0] if lines else "", i, len(pages)))
    for k, ln in enumerate(lines, 1):
        if width(ln) > 80:
            bad.append("page %d line %d: %d columns: %s" % (i, k, width(ln), ln))
for b in bad:
    print(b)
if bad:
    sys.exit(1)

rows = []
for page in pages:
    for ln in page.split("\n")[4:]:
        if re.match(r"\d\d:\d\d-", ln):
            rows.append({"cells": [[] for _ in WIDTHS], "note": []})
        if not rows or not ln.strip():
            continue
        if ln.startswith(" " * NOTE_INDENT) and (rows[-1]["note"] or ln[NOTE_INDENT:].startswith("Note: ")):
            rows[-1]["note"].append(ln[NOTE_INDENT:])
            continue
        col = 0
        for k, w in enumerate(WIDTHS):
            rows[-1]["cells"][k].append(cut(ln, col, w))
            col += w + 1
for r in rows:
    cells = ["".join(c) for c in r["cells"]]
    note = "".join(r["note"])
    print("ROW\t" + "\t".join([cells[0], cells[2], cells[3], cells[4], cells[5], cells[6], note]))
