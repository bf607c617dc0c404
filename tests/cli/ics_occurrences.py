#!/usr/bin/python3
"""The occurrences of a calendar as the desk should see them, one line each:
START END, sorted, in the desk's zone (Asia/Tokyo): YYYY-MM-DDTHH:MM for
times (floating times as they stand), YYYY-MM-DD for all-day events (END
exclusive).  Repeating events are expanded by python3-recurring-ical-events
(RRULE, RDATE, EXDATE, RECURRENCE-ID); cancelled occurrences are left out.
Occurrences that a repeat rule (RRULE) makes from HORIZON (YYYY-MM-DD) on
are left out: the desk expands rules up to a horizon.

Usage: ics_occurrences.py FILE.ics HORIZON [--plain]
--plain reads the file without expanding anything (a madoguchi export
holds every occurrence as an event of its own)."""
import datetime as dt
import re
import sys
import zoneinfo

import icalendar
import recurring_ical_events

DESK = zoneinfo.ZoneInfo("Asia/Tokyo")


def fmt(v):
    if isinstance(v, dt.datetime):
        if v.tzinfo is not None:
            v = v.astimezone(DESK)
        return v.strftime("%Y-%m-%dT%H:%M")
    return v.strftime("%Y-%m-%d")


def start_key(v):
    if isinstance(v, dt.datetime):
        if v.tzinfo is not None:
            v = v.astimezone(DESK)
        return v.replace(tzinfo=None)
    return dt.datetime(v.year, v.month, v.day)


def main():
    path, horizon = sys.argv[1], sys.argv[2]
    plain = "--plain" in sys.argv[3:]
    hz = dt.datetime.strptime(horizon, "%Y-%m-%d")
    with open(path, "rb") as f:
        data = f.read()
    # Alarms say nothing of when an event is, and this reader refuses
    # some valid ones (TRIGGER:-P1W6DT15H): leave them out.
    data = re.sub(rb"BEGIN:VALARM\r?\n.*?END:VALARM\r?\n", b"", data, flags=re.S)
    cal = icalendar.Calendar.from_ical(data)
    if plain:
        events = [c for c in cal.walk("VEVENT")]
    else:
        end = hz + dt.timedelta(days=2)
        events = list(recurring_ical_events.of(cal).between(dt.datetime(1900, 1, 1), end))
        # after the window: each event as it stands (its own start)
        events += [c for c in cal.walk("VEVENT")
                   if "DTSTART" in c and start_key(c["DTSTART"].dt) >= end]
    # The horizon bounds what repeat rules make: a series' own DTSTART
    # and everything of an event without RRULE is kept.
    ruled = {}
    for c in cal.walk("VEVENT"):
        if "RRULE" in c and "RECURRENCE-ID" not in c:
            ruled.setdefault(str(c.get("UID", "")), []).append(start_key(c["DTSTART"].dt))
    out = []
    for ev in events:
        if str(ev.get("STATUS", "")).upper() == "CANCELLED":
            continue
        s = ev["DTSTART"].dt
        if "DTEND" in ev:
            e = ev["DTEND"].dt
        elif "DURATION" in ev:
            e = s + ev["DURATION"].dt
        elif isinstance(s, dt.datetime):
            e = s
        else:
            e = s + dt.timedelta(days=1)
        uid = str(ev.get("UID", ""))
        if start_key(s) >= hz and uid in ruled and start_key(s) not in ruled[uid]:
            continue
        out.append(fmt(s) + " " + fmt(e))
    for line in sorted(out):
        print(line)


if __name__ == "__main__":
    main()
