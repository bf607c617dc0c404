#!/bin/sh
# Four desks book, move and cancel into one database at once through the
# real program: no double booking, no lost write, no "busy" shown.
# ROB_WORKERS and ROB_OPS set the size (make stress raises them).
. "$(dirname "$0")/../lib.sh"
workers=${ROB_WORKERS:-4}
ops=${ROB_OPS:-250}

test_expect_success 'set up a desk' '
	mado init >/dev/null &&
	mado staff add 山田 && mado staff add 佐藤 && mado staff add 鈴木 &&
	mado org add --name "墨田区 太壱みまもりネットワーク" --type local --municipality 墨田区 >/dev/null
'

start=$(date +%s)
i=1
while [ $i -le "$workers" ]; do
	sh "$SRC_DIR/tests/robust/worker.sh" $((i * 7919)) "$ops" "$TEST_DIR/w$i.log" "$TEST_DIR/w$i.err" &
	i=$((i + 1))
done
wait
end=$(date +%s)
cat "$TEST_DIR"/w*.log >"$TEST_DIR/all.log"
echo "# $workers x $ops operations in $((end - start)) s:" \
	"$(grep -c '^book' "$TEST_DIR/all.log") booked," \
	"$(grep -c '^move' "$TEST_DIR/all.log") moved," \
	"$(grep -c '^cancel' "$TEST_DIR/all.log") cancelled," \
	"$(grep -c '^refused' "$TEST_DIR/all.log") refused by a rule," \
	"$(grep -c '^ERROR' "$TEST_DIR/all.log") errors"

test_expect_success 'the desks did real work, with conflicts among them' '
	[ "$(grep -c "^book" "$TEST_DIR/all.log")" -ge $((workers * ops / 10)) ] &&
	[ "$(grep -c "^move" "$TEST_DIR/all.log")" -ge 1 ] &&
	[ "$(grep -c "^cancel" "$TEST_DIR/all.log")" -ge 1 ] &&
	[ "$(grep -c "^refused" "$TEST_DIR/all.log")" -ge 1 ]
'
test_expect_success 'no command failed other than by a desk rule' '
	! grep "^ERROR" "$TEST_DIR/all.log"
'
test_expect_success 'no desk was shown a busy database' '
	! grep -i "busy" "$TEST_DIR"/w*.err
'
test_expect_success 'every error message is a desk rule' '
	! grep -v "already booked\|no room is free\|(--override REASON)" "$TEST_DIR"/w*.err
'
test_expect_success 'no two live bookings overlap for a staff member or a room' '
	n=$(sql "SELECT count(*) FROM appointment a JOIN appointment b ON a.id < b.id
		AND a.date = b.date AND a.status IN ('"'booked','done'"') AND b.status IN ('"'booked','done'"')
		AND a.start_min < b.start_min + b.minutes AND b.start_min < a.start_min + a.minutes
		AND ((a.staff_id = b.staff_id) OR (a.channel = '"'visit'"' AND b.channel = '"'visit'"' AND a.room = b.room))") &&
	[ "$n" = 0 ] || { echo "$n overlapping pairs"; false; }
'
# What each desk was told, replayed: the last reported state of every
# booking it made must be what the database holds.
for f in "$TEST_DIR"/w[0-9]*.log; do
	awk '$1 == "book" { st[$2] = "booked"; d[$2] = $3; t[$2] = $4 }
	     $1 == "move" { d[$2] = $3; t[$2] = $4 }
	     $1 == "cancel" { st[$2] = "cancelled" }
	     END { for (id in d) { split(t[id], hm, ":"); print id "|" d[id] "|" hm[1] * 60 + hm[2] "|" st[id] } }' "$f"
done | sort >"$TEST_DIR/expected"
test_expect_success 'every booking reported saved is in the database as last reported' '
	[ -s "$TEST_DIR/expected" ] &&
	sql "SELECT id || '"'|'"' || date || '"'|'"' || start_min || '"'|'"' || status FROM appointment" | sort >"$TEST_DIR/actual" &&
	test_cmp "$TEST_DIR/expected" "$TEST_DIR/actual"
'
test_expect_success 'the audit log holds every reported change' '
	[ "$(sql "SELECT count(*) FROM audit WHERE tbl = '"'appointment'"' AND action = '"'insert'"'")" = "$(grep -c "^book" "$TEST_DIR/all.log")" ] &&
	[ "$(sql "SELECT count(*) FROM audit WHERE tbl = '"'appointment'"' AND action = '"'update'"'")" = "$(grep -c "^move\|^cancel" "$TEST_DIR/all.log")" ]
'
test_expect_success 'the database passes the integrity check' '
	[ "$(sql "PRAGMA integrity_check")" = ok ] && mado check
'
test_done
