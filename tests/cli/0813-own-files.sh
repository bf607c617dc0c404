#!/bin/sh
# No output names the live database or the files SQLite keeps beside
# it (-wal, -shm, -journal), by any path: export -o, print -o and backup
# refuse, and the desk keeps every booking.  (export -o "$MADOGUCHI_DB"
# once turned the desk into an .ics; backup "$MADOGUCHI_DB-wal" with a
# desk open lost the bookings it had confirmed.)
. "$(dirname "$0")/../lib.sh"

DB=$MADOGUCHI_DB
test_expect_success 'a demo desk' 'mado demo >/dev/null && mado check >/dev/null'
mkdir -p "$TEST_DIR/sub"
ln -s "$DB" "$TEST_DIR/link.db"
ln "$DB" "$TEST_DIR/hard.db"
ln -s "$DB-wal" "$TEST_DIR/link-wal"
count() { sql "SELECT count(*) FROM appointment"; }
before=$(count)

for target in "$DB" "$DB-wal" "$DB-shm" "$DB-journal" "$TEST_DIR/link.db" "$TEST_DIR/hard.db" \
	"$TEST_DIR/sub/../desk.db" "$TEST_DIR/sub/../desk.db-wal" "$TEST_DIR/link-wal" \
	"$TEST_DIR/./desk.db-journal"; do
	name=${target#"$TEST_DIR"/}
	test_expect_code 2 "export -o $name is refused" '
		mado export -o "$target" 2>"$TEST_DIR/err"; rc=$?;
		grep -q "database or one of its own files" "$TEST_DIR/err" || { cat "$TEST_DIR/err"; exit 9; }; exit $rc
	'
	test_expect_code 2 "print --format text -o $name is refused" '
		mado print --date 2026-11-24 --format text -o "$target"
	'
	test_expect_code 2 "print --format pdf -o $name is refused" '
		mado print --date 2026-11-24 --format pdf -o "$target"
	'
	test_expect_code 2 "backup $name is refused" 'mado backup "$target"'
done
test_expect_code 2 'a relative name in the database directory is refused too' '
	cd "$TEST_DIR" && mado export -o desk.db-wal
'
test_expect_code 2 'export to stdout appended to the database is refused' '
	mado export >>"$DB"
'
test_expect_code 2 'print -o - appended to the -wal is refused' '
	# (umask 077: a -wal the shell made open to all is refused for that first)
	(umask 077 && mado print --date 2026-11-24 --format text -o - >>"$DB-wal")
'
test_expect_success 'the desk is whole: same bookings, check ok, no -journal made' '
	[ "$(count)" = "$before" ] && mado check | grep -q "^ok" && [ ! -e "$DB-journal" ] &&
	[ -L "$TEST_DIR/link.db" ] && [ -L "$TEST_DIR/link-wal" ]
'
test_expect_success 'another file is still written' '
	mado export -o "$TEST_DIR/sub/cal.ics" 2>/dev/null && grep -q "^BEGIN:VCALENDAR" "$TEST_DIR/sub/cal.ics" &&
	mado backup "$TEST_DIR/sub/copy.db" >/dev/null && [ -s "$TEST_DIR/sub/copy.db" ]
'

# With a desk open, its -wal holds the bookings not yet checkpointed.
test_expect_success 'a desk is open' '
	ui_start && ui_wait "2026年11月24日" 15 || ui_wait "2026-11-24" 5
'
test_expect_success 'three bookings are made while it is open' '
	for h in 10:00 11:00 13:00; do
		mado book --date 2026-11-27 --start $h --channel phone --org 1 --override test >/dev/null || exit 1
	done;
	[ -s "$DB-wal" ]
'
after=$((before + 3))
test_expect_code 2 'backup to the open desk'"'"'s -wal is refused' 'mado backup "$DB-wal"'
test_expect_code 2 'backup to its -shm is refused' 'mado backup "$DB-shm"'
test_expect_success 'the other desks still read the database' '[ "$(count)" = "$after" ]'
test_expect_success 'after the open desk is killed, every booking is there and check is ok' '
	pane=$(tmux -L "$TMUX_SOCK" list-panes -F "#{pane_pid}") &&
	pid=$(ps -o pid= --ppid "$pane" | head -1 | tr -d " ") && [ -n "$pid" ] &&
	kill -9 "$pid" && sleep 0.3 && ui_stop &&
	[ "$(count)" = "$after" ] && mado check | grep -q "^ok" &&
	[ "$(mado day --date 2026-11-27 --tsv | wc -l)" -ge 3 ]
'
test_done
