#!/bin/sh
# Another desk's calendar export comes back as appointments: booked
# through this desk's rules (core/import, appt_import) when their staff
# member works here, with their organization (found or added), contact,
# topics, room, note and status; as program events, counted and told,
# when not (staff missing, names left out, a rule refuses).  Updates go
# by UID and SEQUENCE; nothing comes in twice.
. "$(dirname "$0")/../lib.sh"

A="$TEST_DIR/a.db"
B="$TEST_DIR/b.db"
C="$TEST_DIR/c.db"
ma() { mado --db "$A" "$@"; }
mb() { mado --db "$B" "$@"; }
mc() { mado --db "$C" "$@"; }
# every field of the appointments of the given staff, by UID
appts() {
	sqlite3 -batch -noheader "$1" "SELECT a.uid, a.date, a.start_min, a.minutes, a.channel, a.booked_via,
		o.name, o.municipality, o.type, coalesce(c.name, ''), coalesce(c.phone, ''), coalesce(c.email, ''),
		coalesce(a.room, ''), a.status, coalesce(a.note, ''), coalesce(a.override_reason, ''), s.name,
		(SELECT group_concat(topic, ' ') FROM (SELECT topic FROM appointment_topic WHERE appt_id = a.id ORDER BY topic))
		FROM appointment a JOIN organization o ON o.id = a.org_id LEFT JOIN contact c ON c.id = a.contact_id
		JOIN staff s ON s.id = a.staff_id WHERE s.name IN ($2) ORDER BY a.uid"
}
HERE="'山田 花子', '佐藤 健'"
# the number of A's appointments of staff B has (after the first test)
n_here() { sqlite3 "$A" "SELECT count(*) FROM appointment a JOIN staff s ON s.id = a.staff_id WHERE s.name IN ($HERE)"; }

test_expect_success 'desk A (the demo, with contacts) exports its whole history' '
	ma demo >/dev/null &&
	o=$(sqlite3 "$A" "SELECT org_id FROM appointment a JOIN staff s ON s.id = a.staff_id WHERE s.name = '\''山田 花子'\'' AND status = '\''booked'\'' ORDER BY date DESC LIMIT 1") &&
	ma book --date 2026-12-08 --start 13:00 --minutes 45 --channel visit --org "#$o" --staff 山田 \
		--contact "高橋 一郎" --phone 03-1234-5678 --email taka@example.jp --topic plan --topic direct \
		--via email --note "$(printf "二行の\nメモ, 記号; も")" --no-mail >/dev/null &&
	ma export --from 2020-01-01 -o a1.ics 2>/dev/null &&
	[ "$(grep -c "^X-MADOGUCHI-KIND:appointment" a1.ics)" = "$(sqlite3 "$A" "SELECT count(*) FROM appointment")" ]
'
test_expect_success 'desk B with two of the three staff imports it: their appointments booked, field by field' '
	mb init >/dev/null && mb staff add "山田 花子" >/dev/null && mb staff add "佐藤 健" >/dev/null &&
	mb import a1.ics >out 2>err &&
	n=$(n_here) && [ "$n" -gt 20 ] &&
	grep_out "appointments of another desk: $n booked, 0 changed, 0 unchanged; 0 refused" <out &&
	appts "$A" "$HERE" >want && appts "$B" "$HERE" >got && test_cmp want got &&
	grep -q "高橋 一郎|03-1234-5678|taka@example.jp|相談室.|booked|二行の" got
'
test_expect_success 'the organizations came along, each once, with type and municipality' '
	orgs="SELECT DISTINCT o.name, o.type, o.municipality FROM appointment a JOIN organization o ON o.id = a.org_id JOIN staff s ON s.id = a.staff_id WHERE s.name IN ($HERE) ORDER BY 1" &&
	sqlite3 "$A" "$orgs" >want && sqlite3 "$B" "$orgs" >got && test_cmp want got &&
	grep_out "; $(wc -l <got) organizations added" <out &&
	[ "$(sqlite3 "$B" "SELECT count(*) - count(DISTINCT name) FROM organization")" = 0 ]
'
test_expect_success 'the third staff member is not here: those come in as program events, counted, not silently' '
	k=$(sqlite3 "$A" "SELECT count(*) FROM appointment a JOIN staff s ON s.id = a.staff_id WHERE s.name NOT IN ($HERE)") &&
	[ "$k" -gt 0 ] &&
	grep_out "$k appointments of another desk came in as program events" <out &&
	sqlite3 "$A" "SELECT a.uid FROM appointment a JOIN staff s ON s.id = a.staff_id WHERE s.name NOT IN ($HERE) AND status <> '\''cancelled'\'' ORDER BY 1" >want &&
	sqlite3 "$B" "SELECT uid FROM program_event ORDER BY 1" >got && test_cmp want got
'
test_expect_success 'the same file again changes nothing (no row, no audit entry)' '
	before=$(sqlite3 "$B" "SELECT count(*) FROM audit") && n=$(n_here) &&
	appts "$B" "$HERE" >got &&
	mb import a1.ics >out2 2>&1 &&
	grep_out ": 0 booked, 0 changed, $n unchanged; 0 refused" <out2 &&
	[ "$(sqlite3 "$B" "SELECT count(*) FROM audit")" = "$before" ] &&
	appts "$B" "$HERE" >got2 && test_cmp got got2
'
test_expect_success 'desk A importing its own export changes nothing either' '
	before=$(sqlite3 "$A" "SELECT count(*) FROM audit") &&
	ev=$(sqlite3 "$A" "SELECT count(*) FROM program_event") &&
	ma import a1.ics >out3 2>&1 &&
	grep_out ": 0 booked, 0 changed, $(sqlite3 "$A" "SELECT count(*) FROM appointment") unchanged; 0 refused" <out3 &&
	[ "$(sqlite3 "$A" "SELECT count(*) FROM audit")" = "$before" ] &&
	[ "$(sqlite3 "$A" "SELECT count(*) FROM program_event")" = "$ev" ]
'
test_expect_success 'A moves one booking and cancels another: B follows, by UID and SEQUENCE' '
	m=$(sqlite3 "$A" "SELECT a.id FROM appointment a JOIN staff s ON s.id = a.staff_id WHERE s.name = '\''佐藤 健'\'' AND status = '\''booked'\'' AND date > '\''2026-11-24'\'' ORDER BY date LIMIT 1") &&
	x=$(sqlite3 "$A" "SELECT a.id FROM appointment a JOIN staff s ON s.id = a.staff_id WHERE s.name = '\''山田 花子'\'' AND status = '\''booked'\'' AND date > '\''2026-11-24'\'' ORDER BY date DESC LIMIT 1") &&
	ma move "$m" --date 2026-12-15 --start 10:30 --no-mail >/dev/null && n=$(n_here) &&
	ma cancel "$x" --no-mail >/dev/null &&
	ma export --from 2020-01-01 -o a2.ics 2>/dev/null &&
	mb import a2.ics >out4 2>&1 &&
	grep_out ": 0 booked, 2 changed, $((n - 2)) unchanged; 0 refused" <out4 &&
	appts "$A" "$HERE" >want && appts "$B" "$HERE" >got && test_cmp want got &&
	u=$(sqlite3 "$A" "SELECT uid FROM appointment WHERE id = $m") &&
	[ "$(sqlite3 "$B" "SELECT sequence FROM appointment WHERE uid = '\''$u'\''")" = \
	  "$(sqlite3 "$A" "SELECT sequence FROM appointment WHERE id = $m")" ]
'
test_expect_success 'the older file afterwards does not undo the move or the cancellation' '
	appts "$A" "$HERE" >want &&
	mb import a1.ics >out5 2>&1 &&
	grep_out "2 older copies ignored" <out5 &&
	appts "$B" "$HERE" >got && test_cmp want got
'
test_expect_success 'a booking B already has at that time refuses it: told with line and reason, kept as an event' '
	o=$(sqlite3 "$B" "SELECT id FROM organization ORDER BY id LIMIT 1") &&
	mb book --date 2026-12-17 --start 10:00 --minutes 60 --channel phone --org "#$o" --staff 佐藤 --no-mail >/dev/null &&
	ma book --date 2026-12-17 --start 10:30 --minutes 30 --channel phone --org "#$(sqlite3 "$A" "SELECT max(id) FROM organization")" --staff 佐藤 --no-mail >/dev/null &&
	u=$(sqlite3 "$A" "SELECT uid FROM appointment WHERE date = '\''2026-12-17'\'' AND start_min = 630") &&
	ma export --from 2020-01-01 -o a3.ics 2>/dev/null &&
	mb import a3.ics >out6 2>err6 &&
	grep_out "1 refused by this desk" <out6 &&
	line=$(grep -n "^UID:$u" a3.ics | cut -d: -f1) &&
	grep_out "a3.ics: line $((line - 1)): appointment 2026-12-17 10:30 " <err6 &&
	grep_out "the staff member is already booked then" <err6 &&
	grep_out "stored as an event" <err6 &&
	[ "$(sqlite3 "$B" "SELECT count(*) FROM appointment WHERE uid = '\''$u'\''")" = 0 ] &&
	[ "$(sqlite3 "$B" "SELECT date || '\'' '\'' || start_min FROM program_event WHERE uid = '\''$u'\''")" = "2026-12-17 630" ] &&
	[ "$(sqlite3 "$B" "SELECT count(*) FROM appointment WHERE date = '\''2026-12-17'\'' AND start_min = 600")" = 1 ]
'
test_expect_success 'a closed day at B refuses it too (the rules are this desk'\''s), leaving no organization or contact behind' '
	mb closed add 2026-12-22 研修 >/dev/null &&
	ma org add --name 閉庁日の会 --type local --municipality 港区 >/dev/null &&
	ma book --date 2026-12-22 --start 14:00 --channel phone --org 閉庁日の会 --contact "臨時 連絡先" --staff 山田 --no-mail >/dev/null &&
	ma export --from 2020-01-01 -o a4.ics 2>/dev/null &&
	mb import a4.ics >out7 2>err7 &&
	grep_out "appointment 2026-12-22 14:00 閉庁日の会" <err7 && grep_out "closed" <err7 &&
	[ "$(sqlite3 "$B" "SELECT count(*) FROM appointment WHERE date = '\''2026-12-22'\''")" = 0 ] &&
	[ "$(sqlite3 "$B" "SELECT count(*) FROM organization WHERE name = '\''閉庁日の会'\''")" = 0 ] &&
	[ "$(sqlite3 "$B" "SELECT count(*) FROM contact WHERE name = '\''臨時 連絡先'\''")" = 0 ] &&
	[ "$(sqlite3 "$B" "SELECT count(*) FROM program_event WHERE date = '\''2026-12-22'\''")" = 1 ]
'
test_expect_success 'once the third staff member works at B, a new import books theirs and their events go' '
	mb staff add "鈴木 美咲" >/dev/null &&
	mb import a4.ics >out8 2>&1 &&
	ALL="$HERE, '\''鈴木 美咲'\''" &&
	appts "$A" "$ALL" | grep -v "|2026-12-1[7]|\|2026-12-22|" >want &&
	appts "$B" "$ALL" | grep -v "|2026-12-1[7]|\|2026-12-22|" >got && test_cmp want got &&
	[ "$(sqlite3 "$B" "SELECT count(*) FROM program_event WHERE uid IN (SELECT uid FROM appointment)")" = 0 ]
'
test_expect_success 'an export without personal data brings appointments back only as events, named by type' '
	ma export --from 2026-12-01 --no-personal -o np.ics 2>/dev/null &&
	! grep -q "X-MADOGUCHI-\(ORG\|CONTACT\|PHONE\|EMAIL\|NOTE\|STAFF\):" np.ics &&
	mc init >/dev/null && mc staff add "山田 花子" >/dev/null &&
	mc import np.ics >out9 2>&1 &&
	[ "$(sqlite3 "$C" "SELECT count(*) FROM appointment")" = 0 ] &&
	[ "$(sqlite3 "$C" "SELECT count(*) FROM program_event")" = \
	  "$(sqlite3 "$A" "SELECT count(*) FROM appointment WHERE date >= '\''2026-12-01'\'' AND status <> '\''cancelled'\''")" ] &&
	grep_out "came in as program events" <out9
'
test_expect_success 'the booked appointments are on the day list at B as any other' '
	mb day --date 2026-12-08 >day &&
	grep_out "13:00" <day && grep_out "高橋 一郎" <day
'
test_done
