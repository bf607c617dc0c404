#!/usr/bin/python3
"""Every word of a PDF lies on its page: no text runs off the paper or
into the margin.  pdf_words.py FILE [MARGIN_PT]
Reads `pdftotext -bbox` (poppler-utils); prints the words outside the
page less MARGIN_PT (default 10) on each side and exits 1 if any."""
import html
import re
import subprocess
import sys

path = sys.argv[1]
margin = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
out = subprocess.run(["pdftotext", "-bbox", path, "-"], check=True, capture_output=True,
                     text=True).stdout
bad = 0
words = 0
for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
    w, h = float(page.group(1)), float(page.group(2))
    for m in re.finditer(r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>',
                         page.group(3)):
        x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
        words += 1
        if x0 < margin or y0 < margin or x1 > w - margin or y1 > h - margin:
            print("off the page: %r at %.1f,%.1f-%.1f,%.1f (page %.0fx%.0f)"
                  % (html.unescape(m.group(5)), x0, y0, x1, y1, w, h))
            bad += 1
if words == 0:
    print("no words in", path)
    bad = 1
sys.exit(1 if bad else 0)
