#!/bin/sh
# backup: a consistent copy while others write, private.  restore: the
# copy is checked before anything is replaced; the swap is atomic.
. "$(dirname "$0")/../lib.sh"
sha() { sha256sum "$1" | cut -d' ' -f1; }
consistent() { # FILE: whole, single-file, and one moment across tables
	[ "$(sqlite3 "$1" "PRAGMA integrity_check")" = ok ] &&
	[ "$(sqlite3 "$1" "PRAGMA journal_mode")" = delete ] &&
	[ "$(stat -c %a "$1")" = 600 ] &&
	[ "$(sqlite3 "$1" "SELECT count(*) FROM appointment")" = \
	  "$(sqlite3 "$1" "SELECT count(*) FROM audit WHERE tbl = 'appointment' AND action = 'insert'")" ]
}

test_expect_success 'set up a desk' '
	mado init >/dev/null && mado staff add 山田 && mado staff add 佐藤 && mado staff add 鈴木 &&
	mado org add --name "墨田区 太壱みまもりネットワーク" --type local --municipality 墨田区 >/dev/null
'
sh "$SRC_DIR/tests/robust/worker.sh" 11 150 "$TEST_DIR/w1.log" "$TEST_DIR/w1.err" &
w1=$!
sh "$SRC_DIR/tests/robust/worker.sh" 13 150 "$TEST_DIR/w2.log" "$TEST_DIR/w2.err" &
w2=$!
sleep 0.5
for k in 1 2 3; do
	mado backup "$TEST_DIR/backup$k.db" >"$TEST_DIR/b$k.out" 2>&1 || echo "backup $k failed" >>"$TEST_DIR/fail"
	sleep 0.3
done
wait $w1 $w2
test_expect_success 'backups taken while two desks write all succeeded' '
	! cat "$TEST_DIR/fail" 2>/dev/null | grep . && ! grep -i busy "$TEST_DIR"/w*.err
'
for k in 1 2 3; do
	test_expect_success "backup $k is whole, one file, mode 0600 and one moment" "consistent '$TEST_DIR/backup$k.db'"
done
test_expect_success 'the later backups hold more than the first' '
	[ "$(sqlite3 "$TEST_DIR/backup3.db" "SELECT count(*) FROM audit")" -gt \
	  "$(sqlite3 "$TEST_DIR/backup1.db" "SELECT count(*) FROM audit")" ]
'
test_expect_success 'a backup after the writers holds everything' '
	mado backup "$TEST_DIR/final.db" >/dev/null && consistent "$TEST_DIR/final.db" &&
	[ "$(sqlite3 "$TEST_DIR/final.db" "SELECT group_concat(id || status) FROM appointment")" = \
	  "$(sql "SELECT group_concat(id || status) FROM appointment")" ]
'
test_expect_code 2 'backup onto the database itself is refused' '
	mado backup "$MADOGUCHI_DB"
'
test_expect_code 3 'backup into a missing directory: exit 3' '
	mado backup "$TEST_DIR/nodir/x.db"
'
test_expect_success 'a backup replaces an older backup file whole' '
	mado backup "$TEST_DIR/backup1.db" >/dev/null && consistent "$TEST_DIR/backup1.db" &&
	[ -z "$(ls "$TEST_DIR" | grep "tmp-")" ]
'

# restore refuses bad copies, leaving the database as it was
mado closed add 2027-01-06 "after the backup"
before=$(sha "$MADOGUCHI_DB")
cp "$TEST_DIR/final.db" "$TEST_DIR/newer.db"
sqlite3 "$TEST_DIR/newer.db" "PRAGMA user_version = 99"
cp "$TEST_DIR/final.db" "$TEST_DIR/damaged.db"
size=$(stat -c %s "$TEST_DIR/damaged.db")
dd if=/dev/zero of="$TEST_DIR/damaged.db" bs=4096 seek=3 count=4 conv=notrunc 2>/dev/null
sqlite3 "$TEST_DIR/other.db" "CREATE TABLE t (x)"
head -c $((size / 2)) "$TEST_DIR/final.db" >"$TEST_DIR/half.db"
for bad in newer damaged other half; do
	test_expect_code 3 "restore of a $bad copy is refused" "
		mado restore '$TEST_DIR/$bad.db' 2>'$TEST_DIR/err'
	"
	test_expect_success "... with a reason, the database untouched" "
		grep_out 'nothing was changed' <'$TEST_DIR/err' &&
		[ \"\$(sha '$MADOGUCHI_DB')\" = $before ] && [ ! -e '$MADOGUCHI_DB.before-restore' ] &&
		[ \"\$(sql 'PRAGMA journal_mode')\" = wal ]
	"
done
test_expect_code 2 'restore of a missing file: exit 2' '
	mado restore "$TEST_DIR/missing.db"
'

# restore refuses while another program has the database open
printf "SELECT count(*) FROM appointment;\n.shell sleep 30\n" | sqlite3 "$MADOGUCHI_DB" >/dev/null 2>&1 &
holder=$!
sleep 0.5
test_expect_code 3 'restore while another program has the database open is refused' '
	mado restore "$TEST_DIR/final.db" 2>"$TEST_DIR/err"
'
test_expect_success '... saying so, the database untouched and still in WAL mode' '
	grep_out "open in another program" <"$TEST_DIR/err" &&
	[ "$(sql "SELECT count(*) FROM closed_day")" = 1 ] &&
	[ "$(sql "PRAGMA journal_mode")" = wal ]
'
kill $holder 2>/dev/null
wait $holder 2>/dev/null
test_expect_success 'restore of a good copy replaces the database' '
	mado restore "$TEST_DIR/final.db" >"$TEST_DIR/out" &&
	[ "$(sql "SELECT count(*) FROM closed_day")" = 0 ] &&
	[ "$(sql "SELECT group_concat(id || status) FROM appointment")" = \
	  "$(sqlite3 "$TEST_DIR/final.db" "SELECT group_concat(id || status) FROM appointment")" ]
'
test_expect_success '... keeps mode 0600, WAL mode, and the old database beside it (0600)' '
	[ "$(stat -c %a "$MADOGUCHI_DB")" = 600 ] &&
	[ "$(sql "PRAGMA journal_mode")" = wal ] &&
	[ "$(stat -c %a "$MADOGUCHI_DB.before-restore")" = 600 ] &&
	[ "$(sqlite3 "$MADOGUCHI_DB.before-restore" "SELECT reason FROM closed_day")" = "after the backup" ] &&
	[ "$(sqlite3 "$MADOGUCHI_DB.before-restore" "PRAGMA integrity_check")" = ok ] &&
	grep_out "before-restore" <"$TEST_DIR/out" &&
	[ -z "$(ls "$TEST_DIR" | grep "restore-\|tmp-")" ]
'
test_expect_success '... and the desk works on it' '
	mado check && mado book --date 2026-12-07 --start 10:00 --channel phone --org 1 >/dev/null
'
# the real use: the database got damaged
dd if=/dev/urandom of="$MADOGUCHI_DB" bs=4096 seek=1 count=20 conv=notrunc 2>/dev/null
test_expect_code 3 'a damaged database is noticed' '
	mado check
'
test_expect_success 'restore puts the backup in place of a damaged database' '
	mado restore "$TEST_DIR/final.db" >/dev/null && mado check >/dev/null &&
	[ "$(sql "PRAGMA integrity_check")" = ok ]
'
test_expect_success 'restore into a place with no database yet' '
	mado --db "$TEST_DIR/new.db" restore "$TEST_DIR/final.db" >/dev/null &&
	[ "$(stat -c %a "$TEST_DIR/new.db")" = 600 ] && mado --db "$TEST_DIR/new.db" check >/dev/null
'
test_done
