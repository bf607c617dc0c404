#!/usr/bin/python3
"""The rows a printed daily schedule must hold, from the database with
sqlite3, in print_check.py's ROW form with all white space removed
(wrapping may drop the blank it breaks at).
  print_expect.py DB DATE [--no-personal]"""
import re
import sqlite3
import sys

TOPICS = ["meeting", "workshop", "plan", "direct", "other"]
TOPIC_EN = {"meeting": "meeting support", "workshop": "workshop support",
            "plan": "plan drafting", "direct": "direct support in implementation", "other": "other"}
TYPE_EN = {"municipality": "municipality", "council": "social welfare council",
           "center": "community support center",
           "intermediary": "intermediary (NPO support center etc.)",
           "local": "local welfare organization", "individual": "individual"}
db, date = sys.argv[1], sys.argv[2]
np = "--no-personal" in sys.argv
q = """SELECT a.start_min, a.minutes, a.channel, o.name, o.type, c.name, c.phone,
              (SELECT group_concat(topic) FROM appointment_topic t WHERE t.appt_id = a.id),
              s.name, a.staff_id, a.room, a.note, a.status
       FROM appointment a JOIN organization o ON o.id = a.org_id
       LEFT JOIN contact c ON c.id = a.contact_id LEFT JOIN staff s ON s.id = a.staff_id
       WHERE a.date = ? AND a.status <> 'cancelled' ORDER BY a.start_min, s.name, a.id"""
for (start, minutes, channel, org, otype, cname, cphone, topics, staff, staff_id, room, note,
     status) in sqlite3.connect(db).execute(q, (date,)):
    end = start + minutes
    tl = [TOPIC_EN[t] for t in TOPICS if topics and t in topics.split(",")]
    contact = "" if np or not cname else cname + (" " + cphone if cphone else "")
    n = "" if np or not note else note
    if status in ("done", "no_show"):
        n = (n + " " if n else "") + "[%s]" % ("done" if status == "done" else "no-show")
    row = ["%02d:%02d-%02d:%02d" % (start // 60, start % 60, end // 60, end % 60),
           TYPE_EN[otype] if np else org, contact, "・".join(tl),
           ("#%d" % staff_id if staff_id else "") if np else (staff or ""),
           room if channel == "visit" and room else "", "Note: " + n if n else ""]
    print("ROW\t" + "\t".join(re.sub(r"\s", "", x) for x in row))
