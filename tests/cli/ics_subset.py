#!/usr/bin/python3
"""ics_subset.py A.ics B.ics: every VEVENT of A is in B byte for byte
(the same lines); prints how many VEVENTs B has beyond them.  Exit 1
with the first missing event otherwise."""
import sys


def events(path):
    with open(path, "rb") as f:
        data = f.read().decode("utf-8")
    out, cur = [], None
    for line in data.split("\r\n"):
        if line == "BEGIN:VEVENT":
            cur = [line]
        elif cur is not None:
            cur.append(line)
            if line == "END:VEVENT":
                out.append("\r\n".join(cur))
                cur = None
    return out


a, b = events(sys.argv[1]), events(sys.argv[2])
have = {}
for e in b:
    have[e] = have.get(e, 0) + 1
for e in a:
    if not have.get(e):
        print("missing from %s:\n%s" % (sys.argv[2], e))
        sys.exit(1)
    have[e] -= 1
print(len(b) - len(a))
