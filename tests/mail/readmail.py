#!/usr/bin/python3
# Read one received message back with the email package and
# python3-icalendar; print what the tests compare, one "key: value" a
# line:  readmail.py FILE.eml
import sys
import email
import email.header
import email.utils
from email import policy

import icalendar

raw = open(sys.argv[1], "rb").read()
m = email.message_from_bytes(raw, policy=policy.default)
# the display name decoded by RFC 2047 rules (policy.default's address
# parser keeps the folding blank between two encoded words)
old = email.message_from_bytes(raw)
name, addr = email.utils.parseaddr(old["From"])
print("from-name:", str(email.header.make_header(email.header.decode_header(name))))
print("from-addr:", addr)
print("to:", m["To"])
print("subject:", m["Subject"])
print("date:", m["Date"])
print("auto-submitted:", m["Auto-Submitted"])
print("mime:", m.get_content_type())
# every line of the raw message ends CRLF, none longer than 998 octets
lines = raw.split(b"\r\n")
print("bare-lf:", sum(1 for l in lines if b"\n" in l))
print("long-lines:", sum(1 for l in lines if len(l) > 998))
print("8bit-headers:", sum(1 for b in raw.split(b"\r\n\r\n")[0] if b > 127))
parts = [p for p in m.walk() if not p.is_multipart()]
for p in parts:
    ct = p.get_content_type()
    if ct == "text/plain":
        print("charset:", p.get_content_charset())
        for line in p.get_content().splitlines():
            print("body:", line)
    elif ct == "text/calendar":
        print("calendar-method-param:", p.get_param("method"))
        cal = icalendar.Calendar.from_ical(p.get_payload(decode=True))
        print("METHOD:", cal["METHOD"])
        for ev in cal.walk("VEVENT"):
            print("UID:", ev["UID"])
            print("SEQUENCE:", ev["SEQUENCE"])
            print("STATUS:", ev["STATUS"])
            print("DTSTART:", ev.decoded("DTSTART").isoformat())
            print("ORGANIZER:", ev["ORGANIZER"])
            print("ATTENDEE:", ev["ATTENDEE"])
            print("SUMMARY:", ev["SUMMARY"])
            print("DESCRIPTION-has-note:", "NOTE-SECRET" in str(ev.get("DESCRIPTION", "")))
    else:
        print("other-part:", ct)
