#!/usr/bin/python3
"""Raw byte checks of an .ics that lenient parsers do not make:
no BOM, every line ends CRLF (no bare CR or LF), no line longer than 75
octets, every physical line (so every fold) is whole UTF-8, the unfolded
text is UTF-8 without control characters, and the calendar opens with
BEGIN:VCALENDAR VERSION PRODID CALSCALE METHOD X-WR-CALNAME X-WR-TIMEZONE.
Prints each problem; exit 1 if any."""
import sys

data = open(sys.argv[1], "rb").read()
bad = []
if data.startswith(b"\xef\xbb\xbf"):
    bad.append("starts with a BOM")
if not data.endswith(b"\r\n"):
    bad.append("does not end with CRLF")
lines = data.split(b"\r\n")[:-1]
for i, ln in enumerate(lines, 1):
    if b"\n" in ln or b"\r" in ln:
        bad.append("line %d: bare CR or LF" % i)
    if len(ln) > 75:
        bad.append("line %d: %d octets" % (i, len(ln)))
    try:
        ln.decode("utf-8")
    except UnicodeDecodeError as e:
        bad.append("line %d: not whole UTF-8 (split at a fold?): %s" % (i, e))
    if not ln:
        bad.append("line %d: empty" % i)
unfolded = data.replace(b"\r\n ", b"").replace(b"\r\n\t", b"")
text = unfolded.decode("utf-8", errors="replace")
for ch in text:
    if (ord(ch) < 32 and ch not in "\r\n\t") or ord(ch) == 127:
        bad.append("control character %r" % ch)
        break
want = ["BEGIN:VCALENDAR", "VERSION:", "PRODID:", "CALSCALE:", "METHOD:PUBLISH",
        "X-WR-CALNAME", "X-WR-TIMEZONE"]
logical = text.split("\r\n")
for i, w in enumerate(want):
    if i >= len(logical) or not logical[i].startswith(w):
        bad.append("logical line %d is %r, wanted %s" % (i + 1, logical[i] if i < len(logical) else None, w))
if len(lines) and lines[-1] != b"END:VCALENDAR":
    bad.append("last line is not END:VCALENDAR")
for b in bad[:20]:
    print(b)
sys.exit(1 if bad else 0)
