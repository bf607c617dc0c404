#!/usr/bin/python3
"""What madoguchi's export must hold, built straight from the database
with sqlite3 (not through madoguchi): one JSON object per VEVENT in the
normal form of read_ics.py / read_ics.cjs.  English labels (C locale).
  expect_db.py DB NOW_UTC ALARM_DAYS [--no-personal] [--what a,e,d]"""
import datetime
import json
import sqlite3
import sys
from zoneinfo import ZoneInfo

TOKYO = ZoneInfo("Asia/Tokyo")
UTC = datetime.timezone.utc
TOPICS = ["meeting", "workshop", "plan", "direct", "other"]
TOPIC_EN = {"meeting": "meeting support", "workshop": "workshop support",
            "plan": "plan drafting", "direct": "direct support in implementation",
            "other": "other"}
TYPE_EN = {"municipality": "municipality", "council": "social welfare council",
           "center": "community support center",
           "intermediary": "intermediary (NPO support center etc.)",
           "local": "local welfare organization", "individual": "individual"}

db, now, alarm_days = sys.argv[1], sys.argv[2], int(sys.argv[3])
no_personal = "--no-personal" in sys.argv
what = "appointments,events,deadlines"
if "--what" in sys.argv:
    what = sys.argv[sys.argv.index("--what") + 1]
con = sqlite3.connect(db)


def utc(date, minute):
    d = datetime.date.fromisoformat(date)
    t = datetime.datetime(d.year, d.month, d.day, tzinfo=TOKYO) + datetime.timedelta(minutes=minute)
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def next_day(date):
    return (datetime.date.fromisoformat(date) + datetime.timedelta(days=1)).isoformat()


def lines(pairs):
    out = [label + value for label, value in pairs if value]
    return "\n".join(out) if out else None


events = []
if "appointments" in what:
    q = """SELECT a.uid, a.date, a.start_min, a.minutes, a.channel, a.booked_via, a.room,
                  a.status, a.note, a.override_reason, a.sequence, a.updated_at,
                  o.name, o.municipality, o.type, c.name, c.phone, c.email, s.name,
                  (SELECT group_concat(topic) FROM appointment_topic t WHERE t.appt_id = a.id)
           FROM appointment a JOIN organization o ON o.id = a.org_id
           LEFT JOIN contact c ON c.id = a.contact_id LEFT JOIN staff s ON s.id = a.staff_id"""
    for (uid, date, start, minutes, channel, via, room, status, note, override, seq, updated,
         org, muni, otype, cname, cphone, cmail, staff, topics) in con.execute(q):
        tl = [t for t in TOPICS if topics and t in topics.split(",")]
        topics_s = "・".join(TOPIC_EN[t] for t in tl)
        chan = "Visit consultation" if channel == "visit" else "Phone consultation"
        if no_personal:
            summary = "%s: %s" % (chan, TYPE_EN[otype]) + (" / " + topics_s if topics_s else "")
            desc = lines([("Organization type: ", TYPE_EN[otype]), ("Municipality: ", muni),
                          ("Topics: ", topics_s), ("Booked by: ", via),
                          ("Status: ", status if status != "booked" else None)])
        else:
            summary = "%s: %s" % (chan, org) + (" (%s)" % cname if cname else "")
            contact = ", ".join(x for x in (cname, cphone, cmail) if x) if cname else None
            desc = lines([("Organization: ", "%s (%s, %s)" % (org, muni, TYPE_EN[otype])),
                          ("Contact: ", contact), ("Staff: ", staff), ("Topics: ", topics_s),
                          ("Booked by: ", via),
                          ("Status: ", status if status != "booked" else None),
                          ("Override: ", override), ("Note: ", note)])
        events.append({
            "uid": uid, "kind": "appointment",
            "start": utc(date, start), "end": utc(date, start + minutes),
            "summary": summary,
            "location": room if channel == "visit" and room else "phone",
            "description": desc, "categories": [TOPIC_EN[t] for t in tl],
            "status": "CANCELLED" if status == "cancelled" else "CONFIRMED",
            "sequence": seq, "last_modified": updated, "dtstamp": now, "alarms": []})
if "events" in what:
    q = """SELECT e.uid, e.title, e.date, e.start_min, e.end_min, e.place, e.capacity,
                  e.reg_deadline, e.note, e.sequence, e.updated_at, p.name
           FROM program_event e LEFT JOIN program p ON p.id = e.program_id"""
    for uid, title, date, s, e, place, cap, reg, note, seq, updated, pname in con.execute(q):
        if s is None:
            start, end = date, next_day(date)
        else:
            start, end = utc(date, s), (utc(date, e) if e is not None and e > s else None)
        events.append({
            "uid": uid, "kind": "event", "start": start, "end": end, "summary": title,
            "location": place,
            "description": lines([("Program: ", pname),
                                  ("Capacity: ", str(cap) if cap is not None else None),
                                  ("Registration deadline: ", reg),
                                  ("Note: ", None if no_personal else note)]),
            "categories": [pname] if pname else [], "status": "CONFIRMED",
            "sequence": seq, "last_modified": updated, "dtstamp": now, "alarms": []})
if "deadlines" in what:
    def deadline(uid, summary, date, desc, seq, updated):
        alarms = [{"action": "DISPLAY", "description": summary, "trigger_days": alarm_days,
                   "before": True}] if alarm_days > 0 else []
        events.append({
            "uid": uid, "kind": "deadline", "start": date, "end": next_day(date),
            "summary": summary, "location": None, "description": desc,
            "categories": ["deadline"], "status": "CONFIRMED", "sequence": seq,
            "last_modified": updated, "dtstamp": now, "alarms": alarms})
    for pid, name, date in con.execute("SELECT id, name, deadline FROM program WHERE deadline IS NOT NULL"):
        deadline("deadline-program-%d@madoguchi" % pid, "Deadline: " + name, date, None, 0, None)
    q = """SELECT e.uid, e.title, e.reg_deadline, p.name, e.sequence, e.updated_at
           FROM program_event e LEFT JOIN program p ON p.id = e.program_id
           WHERE e.reg_deadline IS NOT NULL"""
    for uid, title, date, pname, seq, updated in con.execute(q):
        deadline("deadline-" + uid, "Registration deadline: " + title, date,
                 "Program: " + pname if pname else None, seq, updated)
for ev in sorted(events, key=lambda e: e["uid"]):
    print(json.dumps(ev, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
