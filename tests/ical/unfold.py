#!/usr/bin/python3
"""Print an .ics unfolded with its TEXT escapes undone (\\n, \\, \\; \\\\),
for grepping values that may have been folded or escaped."""
import re
import sys

data = open(sys.argv[1], "rb").read().decode("utf-8")
data = data.replace("\r\n ", "").replace("\r\n\t", "").replace("\r\n", "\n")
esc = {"n": "\n", "N": "\n", ",": ",", ";": ";", "\\": "\\"}
sys.stdout.write(re.sub(r"\\([nN,;\\])", lambda m: esc[m.group(1)], data))
