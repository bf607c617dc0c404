#!/bin/sh
# What a busy office does to a database file: a full disk, a read-only
# file, a lock held too long, a file from a newer program, a truncated or
# damaged file, a missing directory.  Each gives a clear message and
# exit code 3, and the data already there stays intact.
. "$(dirname "$0")/../lib.sh"

MNT="$TEST_DIR/mnt"
mounted=
unmount_all() {
	for m in $mounted; do umount "$m" 2>/dev/null; done
	mounted=
}
trap 'unmount_all; cleanup' EXIT
can_mount() {
	[ "$(id -u)" = 0 ] && mkdir -p "$1" && mount -t tmpfs -o size=64k tmpfs "$1" 2>/dev/null &&
		umount "$1"
}
sha() { sha256sum "$1" | cut -d' ' -f1; }

test_expect_success 'set up a desk with bookings' '
	mado init >/dev/null && mado staff add 山田 &&
	mado org add --name "墨田区 太壱みまもりネットワーク" --type local --municipality 墨田区 >/dev/null &&
	mado book --date 2026-11-25 --start 10:00 --channel phone --org 1 --staff 山田 >/dev/null &&
	mado book --date 2026-11-25 --start 11:00 --channel visit --org 1 --staff 山田 >/dev/null &&
	cp "$MADOGUCHI_DB" "$TEST_DIR/good.db"
'

# --- missing directory
test_expect_code 3 'a database in a missing directory: exit 3' '
	mado --db "$TEST_DIR/no/such/dir/desk.db" day 2>"$TEST_DIR/err"
'
test_expect_success '... with a clear message, and nothing created' '
	grep_out "does not exist" <"$TEST_DIR/err" && [ ! -e "$TEST_DIR/no" ]
'
test_expect_code 3 'a missing database file (not init): exit 3' '
	mado --db "$TEST_DIR/none.db" day 2>"$TEST_DIR/err"
'
test_expect_success '... telling how to create one' '
	grep_out "madoguchi init" <"$TEST_DIR/err" && [ ! -e "$TEST_DIR/none.db" ]
'

# --- a database from a newer program, in WAL and in rollback mode
for mode in wal delete; do
	cp "$TEST_DIR/good.db" "$TEST_DIR/newer-$mode.db"
	sqlite3 "$TEST_DIR/newer-$mode.db" "PRAGMA journal_mode = $mode; PRAGMA user_version = 99;" >/dev/null
	before=$(sha "$TEST_DIR/newer-$mode.db")
	for cmd in day "book --date 2026-11-26 --start 10:00 --channel phone --org 1" init check backup; do
		[ "$cmd" = backup ] && cmd="backup $TEST_DIR/newer-copy.db"
		test_expect_code 3 "newer database ($mode): $cmd exits 3" "
			mado --db '$TEST_DIR/newer-$mode.db' $cmd 2>'$TEST_DIR/err'
		"
		test_expect_success "... says it is newer and leaves the file byte for byte" "
			grep_out 'newer madoguchi' <'$TEST_DIR/err' &&
			[ \"\$(sha '$TEST_DIR/newer-$mode.db')\" = $before ] &&
			[ ! -s '$TEST_DIR/newer-$mode.db-wal' ] && [ ! -e '$TEST_DIR/newer-copy.db' ]
		"
	done
done

# --- truncated, damaged, foreign and empty files
size=$(stat -c %s "$TEST_DIR/good.db")
head -c $((size / 2)) "$TEST_DIR/good.db" >"$TEST_DIR/trunc.db"
before=$(sha "$TEST_DIR/trunc.db")
test_expect_code 3 'a truncated database: day exits 3' '
	mado --db "$TEST_DIR/trunc.db" day --date 2026-11-25 2>"$TEST_DIR/err"
'
test_expect_success '... with a clear message, the file untouched' '
	grep_out "truncated" <"$TEST_DIR/err" && grep_out "restore" <"$TEST_DIR/err" &&
	[ "$(sha "$TEST_DIR/trunc.db")" = "$before" ]
'
test_expect_code 3 'a truncated database: book exits 3' '
	mado --db "$TEST_DIR/trunc.db" book --date 2026-11-26 --start 10:00 --channel phone --org 1
'
head -c 3000 "$TEST_DIR/good.db" >"$TEST_DIR/short.db"
test_expect_code 3 'a database cut inside its first page: exit 3' '
	mado --db "$TEST_DIR/short.db" day 2>"$TEST_DIR/err"
'
cp "$TEST_DIR/good.db" "$TEST_DIR/bad.db"
# overwrite the pages after the first with garbage
pages=$((size / 4096))
dd if=/dev/urandom of="$TEST_DIR/bad.db" bs=4096 seek=1 count=$((pages - 1)) conv=notrunc 2>/dev/null
test_expect_code 3 'a damaged database: check exits 3' '
	mado --db "$TEST_DIR/bad.db" check >"$TEST_DIR/out" 2>"$TEST_DIR/err"
'
test_expect_success '... and says it is damaged' '
	cat "$TEST_DIR/out" "$TEST_DIR/err" | grep_out "damaged"
'
test_expect_code 3 'a damaged database: day exits 3' '
	mado --db "$TEST_DIR/bad.db" day --date 2026-11-25 2>"$TEST_DIR/err"
'
test_expect_success '... with a message for people' '
	grep_out "damaged" <"$TEST_DIR/err"
'
# its first page is sound: the open reads only the schema version there,
# so the desk reads the schema before its screen starts
test_expect_code 3 'a damaged database: the desk refuses it before its screen starts' '
	TERM=xterm script -qec "\"$MADOGUCHI_BIN\" --db \"$TEST_DIR/bad.db\"" /dev/null >"$TEST_DIR/tty" 2>&1 </dev/null; rc=$?
	grep -q "damaged" "$TEST_DIR/tty" || { cat "$TEST_DIR/tty"; exit 9; }; exit $rc
'
head -c 8192 /dev/urandom >"$TEST_DIR/noise.db"
before=$(sha "$TEST_DIR/noise.db")
test_expect_code 3 'a file that is not a database: exit 3' '
	mado --db "$TEST_DIR/noise.db" day 2>"$TEST_DIR/err"
'
test_expect_success '... untouched, with a clear message' '
	grep_out "not a madoguchi database" <"$TEST_DIR/err" && [ "$(sha "$TEST_DIR/noise.db")" = "$before" ]
'
sqlite3 "$TEST_DIR/foreign.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
chmod 600 "$TEST_DIR/foreign.db"	# (one open to all is refused for that first)
before=$(sha "$TEST_DIR/foreign.db")
test_expect_code 3 'another program'"'"'s SQLite database: exit 3' '
	mado --db "$TEST_DIR/foreign.db" init 2>"$TEST_DIR/err"
'
test_expect_success '... untouched' '
	grep_out "not a madoguchi one" <"$TEST_DIR/err" && [ "$(sha "$TEST_DIR/foreign.db")" = "$before" ]
'
: >"$TEST_DIR/empty.db"
test_expect_code 3 'an empty file: exit 3' '
	mado --db "$TEST_DIR/empty.db" day 2>"$TEST_DIR/err" && false || { [ ! -s "$TEST_DIR/empty.db" ] && exit 3; }
'

# --- a lock held longer than the busy timeout
printf "BEGIN EXCLUSIVE;\nCREATE TABLE lock_holder (x);\n.shell sleep 30\nROLLBACK;\n" |
	sqlite3 "$MADOGUCHI_DB" >/dev/null 2>&1 &
locker=$!
n=0
while sqlite3 "$MADOGUCHI_DB" "BEGIN IMMEDIATE; ROLLBACK;" 2>/dev/null && [ $n -lt 100 ]; do
	sleep 0.05; n=$((n + 1))
done
test_expect_code 3 'a write while another program holds the lock too long: exit 3' '
	mado book --date 2026-11-26 --start 10:00 --channel phone --org 1 2>"$TEST_DIR/err"
'
test_expect_success '... saying the database is busy and nothing changed' '
	grep_out "busy" <"$TEST_DIR/err" && grep_out "nothing was changed" <"$TEST_DIR/err"
'
test_expect_success '... while reading still works' '
	mado day --date 2026-11-25 | grep_out "#2"
'
kill "$locker" 2>/dev/null
wait "$locker" 2>/dev/null
test_expect_success 'after the lock is gone, writing works and the data is intact' '
	mado book --date 2026-11-26 --start 10:00 --channel phone --org 1 >/dev/null &&
	[ "$(sql "SELECT count(*) FROM appointment")" = 3 ] &&
	[ "$(sql "SELECT count(*) FROM sqlite_schema WHERE name = '"'lock_holder'"'")" = 0 ]
'

# --- read-only: a read-only mount (root ignores chmod), else chmod
RO="$TEST_DIR/ro"
mkdir -p "$RO"
cp "$MADOGUCHI_DB" "$RO/desk.db"
ro_how=
if can_mount "$MNT"; then
	mount --bind "$RO" "$RO" && mounted="$RO" &&
		mount -o remount,bind,ro "$RO" && ro_how="a read-only mount"
elif [ "$(id -u)" != 0 ]; then
	chmod 444 "$RO/desk.db" && chmod 555 "$RO" && ro_how="chmod 444"
fi
if [ -n "$ro_how" ]; then
	before=$(sha "$RO/desk.db")
	test_expect_success "read-only ($ro_how): day shows the bookings" '
		mado --db "$RO/desk.db" day --date 2026-11-25 >"$TEST_DIR/out" &&
		grep_out "#1" <"$TEST_DIR/out" && grep_out "#2" <"$TEST_DIR/out"
	'
	test_expect_success '... show and check work too' '
		mado --db "$RO/desk.db" show 1 | grep_out "山田" &&
		mado --db "$RO/desk.db" check
	'
	test_expect_code 3 '... a booking exits 3' '
		mado --db "$RO/desk.db" book --date 2026-11-27 --start 10:00 --channel phone --org 1 2>"$TEST_DIR/err"
	'
	test_expect_success '... saying it is read-only' '
		grep_out "read-only" <"$TEST_DIR/err"
	'
	test_expect_code 3 '... cancel exits 3 too' '
		mado --db "$RO/desk.db" cancel 1
	'
	test_expect_success '... and the file is unchanged' '
		[ "$(sha "$RO/desk.db")" = "$before" ]
	'
	unmount_all
	chmod 755 "$RO" 2>/dev/null
else
	echo "# skipped read-only checks: running as root without mount (chmod does not stop root)"
fi

# --- full disk: a small tmpfs
FULL="$TEST_DIR/full"
if can_mount "$MNT" && mkdir -p "$FULL" && mount -t tmpfs -o size=600k tmpfs "$FULL"; then
	mounted="$FULL"
	cp "$MADOGUCHI_DB" "$FULL/desk.db"
	note=$(awk 'BEGIN { for (i = 0; i < 1300; i++) printf "記録"; }')
	: >"$TEST_DIR/saved"
	rc=0 n=0
	while [ $n -lt 300 ]; do
		n=$((n + 1))
		id=$(mado --db "$FULL/desk.db" book --date 2026-11-30 --start 10:00 --channel phone --org 1 \
			--note "fill $n $note" 2>"$TEST_DIR/err") || { rc=$?; break; }
		echo "$id" >>"$TEST_DIR/saved"
	done
	echo "# disk full after $(wc -l <"$TEST_DIR/saved") bookings"
	test_expect_success 'full disk: booking until full ends with exit 3' '
		[ $rc = 3 ] && [ -s "$TEST_DIR/saved" ]
	'
	test_expect_success '... and a clear message' '
		grep_out "disk is full" <"$TEST_DIR/err"
	'
	test_expect_success '... every booking saved before is there, the file is whole' '
		[ "$(sqlite3 "$FULL/desk.db" "PRAGMA integrity_check")" = ok ] &&
		sort -n "$TEST_DIR/saved" >"$TEST_DIR/a" &&
		sqlite3 "$FULL/desk.db" "SELECT id FROM appointment WHERE note GLOB '"'fill *'"'" | sort -n >"$TEST_DIR/b" &&
		test_cmp "$TEST_DIR/a" "$TEST_DIR/b"
	'
	test_expect_success '... viewing still works on the full disk' '
		mado --db "$FULL/desk.db" day --date 2026-11-25 | grep_out "#2"
	'
	test_expect_code 3 '... a backup onto the full disk exits 3' '
		mado --db "$FULL/desk.db" backup "$FULL/copy.db"
	'
	test_expect_success '... and leaves no partial file' '
		[ -z "$(ls "$FULL" | grep -v "^desk.db")" ]
	'
	unmount_all
else
	echo "# skipped full-disk checks: cannot mount a tmpfs here (needs root)"
fi
test_done
