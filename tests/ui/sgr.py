#!/usr/bin/env python3
"""Reads `tmux capture-pane -e -p` output; prints "colour" when any SGR
sequence sets a foreground or background colour (30-37, 40-47, 90-97,
100-107, 38;..., 48;...), else "mono", and "reverse" when one sets
reverse video (7)."""
import re
import sys

data = sys.stdin.read()
colour = reverse = False
for params in re.findall(r"\x1b\[([0-9;]*)m", data):
    p = [int(x) for x in params.split(";") if x]
    for v in p:
        if 30 <= v <= 37 or 40 <= v <= 47 or 90 <= v <= 97 or 100 <= v <= 107 or v in (38, 48):
            colour = True
        if v == 7:
            reverse = True
print("colour" if colour else "mono")
if reverse:
    print("reverse")
