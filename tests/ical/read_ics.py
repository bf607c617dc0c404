#!/usr/bin/python3
"""Read a .ics with python3-icalendar and print one JSON object per
VEVENT (sorted by UID) in the normal form that read_ics.cjs and
expect_db.py print too, so the three can be compared exactly.
Times are UTC 'YYYY-MM-DDTHH:MM:SSZ', dates 'YYYY-MM-DD'."""
import datetime
import json
import sys

import icalendar

UTC = datetime.timezone.utc


def norm_time(v):
    if isinstance(v, datetime.datetime):
        if v.tzinfo is None:
            raise SystemExit("floating time %s" % v)
        return v.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return v.strftime("%Y-%m-%d")


def text(c, name):
    v = c.get(name)
    return None if v is None else str(v)


def categories(c):
    v = c.get("CATEGORIES")
    if v is None:
        return []
    out = []
    for p in v if isinstance(v, list) else [v]:
        out.extend(str(x) for x in p.cats)
    return out


def main():
    cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
    tzids = [str(t["TZID"]) for t in cal.walk("VTIMEZONE")]
    head = {k: str(cal.get(k)) for k in ("VERSION", "CALSCALE", "METHOD", "X-WR-TIMEZONE")}
    head["tzids"] = tzids
    print(json.dumps({"calendar": head}, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    events = []
    for c in cal.walk("VEVENT"):
        alarms = []
        for a in c.walk("VALARM"):
            trig = a.decoded("TRIGGER")
            alarms.append({"action": str(a["ACTION"]), "description": text(a, "DESCRIPTION"),
                           "trigger_days": -trig.days if trig.days < 0 else trig.days,
                           "before": trig < datetime.timedelta(0)})
        ev = {
            "uid": str(c["UID"]),
            "kind": text(c, "X-MADOGUCHI-KIND"),
            "start": norm_time(c.decoded("DTSTART")),
            "end": norm_time(c.decoded("DTEND")) if "DTEND" in c else None,
            "summary": text(c, "SUMMARY"),
            "location": text(c, "LOCATION"),
            "description": text(c, "DESCRIPTION"),
            "categories": categories(c),
            "status": text(c, "STATUS"),
            "sequence": int(c["SEQUENCE"]),
            "last_modified": norm_time(c.decoded("LAST-MODIFIED")) if "LAST-MODIFIED" in c else None,
            "dtstamp": norm_time(c.decoded("DTSTAMP")),
            "alarms": alarms,
        }
        events.append(ev)
    for ev in sorted(events, key=lambda e: e["uid"]):
        print(json.dumps(ev, ensure_ascii=False, sort_keys=True, separators=(",", ":")))


main()
