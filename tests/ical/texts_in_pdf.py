#!/usr/bin/python3
"""Every text (one a line in TEXTS) is in the PDF whole, read with
pdftotext -raw: blanks are left out on both sides (wrapping drops the
blank it breaks at and a cell's lines follow each other).
  texts_in_pdf.py TEXTS FILE.pdf [--letters] [--min N]
--letters compares letters only (kana, kanji, Latin): for a PDF that went
through a PostScript round trip (cups-pdf), whose text layer may map some
digits to other code points although the page shows them right.
Prints what is missing and exits 1; also when fewer than N (default 1)
texts were checked."""
import subprocess
import sys
import unicodedata

args = sys.argv[1:]
letters = "--letters" in args
least = int(args[args.index("--min") + 1]) if "--min" in args else 1
texts, pdf = args[0], args[1]


def norm(s):
    if letters:
        return "".join(c for c in s if unicodedata.category(c)[0] == "L")
    return "".join(c for c in s if not c.isspace())


got = norm(subprocess.run(["pdftotext", "-raw", pdf, "-"], check=True, capture_output=True,
                          text=True).stdout)
n = bad = 0
for line in open(texts, encoding="utf-8"):
    want = norm(line)
    if not want:
        continue
    n += 1
    if want not in got:
        print("missing in %s: %s" % (pdf, line.strip()))
        bad += 1
if n < least:
    print("only %d texts checked" % n)
    bad += 1
sys.exit(1 if bad else 0)
