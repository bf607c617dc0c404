#!/bin/sh
# Privacy: every file made is private (0600) whatever the umask; the
# audit log says who changed what; --no-personal output holds no
# personal field; retention removes the personal data of old records and
# keeps what the reports count.
. "$(dirname "$0")/../lib.sh"
umask 000	# a careless environment: the program must not rely on it
# cairo and fontconfig leak a few blocks of their own when a PDF is made
[ -f "$SRC_DIR/tests/ical/lsan-cairo.supp" ] &&
	export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$SRC_DIR/tests/ical/lsan-cairo.supp"

PERSONAL_OLD="中村翔太 03-5555-1004 sho@example.jp 病気の相談メモ 個人太郎 090-1111-2222 kojin@example.jp 折り返し希望の内容"
PERSONAL_NEW="新井花子 03-7777-0001 hanako@example.jp 新しい予約のメモ"

test_expect_success 'a new database is 0600 even with umask 000' '
	mado init >/dev/null && [ "$(stat -c %a "$MADOGUCHI_DB")" = 600 ]
'
test_expect_success 'set up: staff, an organization, an individual' '
	USER=setup mado staff add 山田 && USER=setup mado staff add 佐藤 &&
	mado org add --name "杉並区地域包括支援センター ケア24成田" --type center --municipality 杉並区 >/dev/null &&
	mado org add --name "個人太郎" --type individual --municipality 練馬区 --phone 090-1111-2222 --email kojin@example.jp >/dev/null
'
# old records, made when they were new (the clock pinned back)
test_expect_success 'records of 2025 with personal data' '
	MADOGUCHI_NOW=2025-05-12T09:00 mado book --date 2025-05-13 --start 10:00 --channel visit --org 1 \
		--staff 山田 --contact 中村翔太 --phone 03-5555-1004 --email sho@example.jp --topic plan \
		--note 病気の相談メモ >/dev/null &&
	MADOGUCHI_NOW=2025-05-12T09:00 mado book --date 2025-05-14 --start 11:00 --channel phone --org 2 \
		--staff 佐藤 --topic meeting >/dev/null &&
	MADOGUCHI_NOW=2025-05-12T09:00 mado inquiry add --channel phone --org 1 --contact 中村翔太 \
		--topic other --summary 折り返し希望の内容 --received 2025-05-12T09:00 >/dev/null &&
	MADOGUCHI_NOW=2025-05-12T09:00 mado inquiry note 1 折り返し希望の内容 >/dev/null &&
	MADOGUCHI_NOW=2025-05-13T12:00 mado done 1 >/dev/null
'
test_expect_success 'a record of now with personal data' '
	mado book --date 2026-11-25 --start 10:00 --channel visit --org 1 --staff 山田 \
		--contact 新井花子 --phone 03-7777-0001 --email hanako@example.jp --note 新しい予約のメモ >/dev/null
'
test_expect_success 'an individual books too (their name is personal)' '
	mado org add --name "個人花子" --type individual --municipality 練馬区 --phone 090-3333-4444 >/dev/null &&
	mado book --date 2026-11-25 --start 14:00 --channel phone --org 3 --staff 佐藤 >/dev/null
'
test_expect_success 'WAL and shared-memory files are 0600 too' '
	printf "SELECT count(*) FROM appointment;\n.shell sleep 30\n" | sqlite3 "$MADOGUCHI_DB" >/dev/null 2>&1 &
	holder=$! &&
	sleep 0.3 &&
	mado book --date 2026-11-26 --start 10:00 --channel phone --org 1 >/dev/null &&
	[ "$(stat -c %a "$MADOGUCHI_DB-wal")" = 600 ] && [ "$(stat -c %a "$MADOGUCHI_DB-shm")" = 600 ]
	rc=$?; kill $holder; wait $holder 2>/dev/null; exit $rc
'
test_expect_success 'a backup is 0600' '
	mado backup "$TEST_DIR/b.db" >/dev/null && [ "$(stat -c %a "$TEST_DIR/b.db")" = 600 ]
'
if mado export --help >/dev/null 2>&1; then
	test_expect_success 'an export file is 0600' '
		mado export --from 2025-01-01 --to 2026-12-31 -o "$TEST_DIR/cal.ics" >/dev/null &&
		[ "$(stat -c %a "$TEST_DIR/cal.ics")" = 600 ] && grep -q 新井花子 "$TEST_DIR/cal.ics"
	'
	test_expect_success 'export --no-personal holds no personal field' '
		mado export --from 2025-01-01 --to 2026-12-31 --no-personal -o "$TEST_DIR/np.ics" >/dev/null &&
		grep -q BEGIN:VEVENT "$TEST_DIR/np.ics" &&
		for w in $PERSONAL_NEW 中村翔太 03-5555-1004 sho@example.jp 病気の相談メモ 個人花子 090-3333-4444; do
			! grep -F "$w" "$TEST_DIR/np.ics" || exit 1
		done
	'
else
	echo "# skipped: no export command yet (export -o mode and --no-personal)"
fi
if mado print --help >/dev/null 2>&1; then
	test_expect_success 'a printout file is 0600' '
		mado print --date 2026-11-25 --format text -o "$TEST_DIR/day.txt" >/dev/null &&
		[ "$(stat -c %a "$TEST_DIR/day.txt")" = 600 ] && grep -q 新井花子 "$TEST_DIR/day.txt"
	'
	test_expect_success 'a PDF printout file is 0600' '
		mado print --date 2026-11-25 --format pdf -o "$TEST_DIR/day.pdf" >/dev/null &&
		[ "$(stat -c %a "$TEST_DIR/day.pdf")" = 600 ]
	'
	test_expect_success 'print --no-personal holds no personal field' '
		mado print --date 2026-11-25 --format text --no-personal -o "$TEST_DIR/np.txt" >/dev/null &&
		grep -q 10:00 "$TEST_DIR/np.txt" &&
		for w in $PERSONAL_NEW 個人花子 090-3333-4444; do ! grep -F "$w" "$TEST_DIR/np.txt" || exit 1; done
	'
else
	echo "# skipped: no print command yet (print -o mode and --no-personal)"
fi

test_expect_success 'the audit log records which account changed what, whatever $USER says' '
	USER=受付の鈴木 mado move 3 --date 2026-11-27 --start 14:00 >/dev/null &&
	[ "$(sql "SELECT actor || '"'|'"' || action || '"'|'"' || json_extract(old, '"'\$.date'"') || '"'|'"' || json_extract(new, '"'\$.date'"')
		FROM audit WHERE tbl = '"'appointment'"' AND row_id = 3 ORDER BY id DESC LIMIT 1")" = "$(id -un)|update|2026-11-25|2026-11-27" ] &&
	[ "$(sql "SELECT actor FROM audit WHERE tbl = '"'staff'"' LIMIT 1")" = "$(id -un)" ]
'
test_expect_success 'a config cannot name someone else for the audit log: its user line is refused' '
	mkdir -p "$XDG_CONFIG_HOME/madoguchi" && echo "user = 窓口 佐藤" >"$XDG_CONFIG_HOME/madoguchi/config" &&
	! mado cancel 4 2>"$TEST_DIR/err" &&
	grep_out "user is not a setting" <"$TEST_DIR/err" &&
	[ "$(sql "SELECT status FROM appointment WHERE id = 4")" != cancelled ] &&
	rm "$XDG_CONFIG_HOME/madoguchi/config"
'

# --- retention
counts() {
	sql "SELECT 'appt', date, start_min, channel, status, org_id, staff_id, room FROM appointment ORDER BY id;
	     SELECT 'topic', appt_id, topic FROM appointment_topic ORDER BY 1, 2, 3;
	     SELECT 'inq', received_at, channel, org_id, topic, status FROM inquiry ORDER BY id;
	     SELECT 'org', id, type, municipality FROM organization ORDER BY id"
	mado report --year 2025 2>&1
	mado report --year 2026 2>&1
}
counts >"$TEST_DIR/counts.before"
test_expect_code 2 'retention needs an age (or retention_days in the config)' '
	mado retention
'
test_expect_code 2 'retention refuses a date in the future' '
	mado retention --before 2026-12-01
'
test_expect_success 'a dry run counts and changes nothing' '
	sql .dump >"$TEST_DIR/dump.before" &&
	mado retention --older-than 365 --dry-run >"$TEST_DIR/dry" &&
	grep_out "would remove" <"$TEST_DIR/dry" &&
	sql .dump >"$TEST_DIR/dump.after" && test_cmp "$TEST_DIR/dump.before" "$TEST_DIR/dump.after"
'
test_expect_success 'retention with retention_days from the config' '
	mkdir -p "$XDG_CONFIG_HOME/madoguchi" && echo "retention_days = 365" >"$XDG_CONFIG_HOME/madoguchi/config" &&
	USER=管理者 mado retention >"$TEST_DIR/ret" &&
	grep_out "removed personal data of records before 2025-11-24" <"$TEST_DIR/ret" &&
	test_cmp "$TEST_DIR/dry" "$(echo "$TEST_DIR/dry")" &&
	sed "s/would remove/removed/" "$TEST_DIR/dry" | test_cmp - "$TEST_DIR/ret"
'
test_expect_success 'the old personal data is gone from every table, the audit log included' '
	sql .dump >"$TEST_DIR/dump" &&
	for w in $PERSONAL_OLD; do ! grep -F "$w" "$TEST_DIR/dump" || { echo "still there: $w"; exit 1; }; done
'
test_expect_success '... and from the bytes of the file and its WAL' '
	for w in $PERSONAL_OLD; do
		! cat "$MADOGUCHI_DB" "$MADOGUCHI_DB-wal" 2>/dev/null | grep -aF "$w" >/dev/null || { echo "in the file: $w"; exit 1; }
	done
'
test_expect_success 'the personal data of the new records stays' '
	for w in $PERSONAL_NEW; do grep -qF "$w" "$TEST_DIR/dump" || { echo "lost: $w"; exit 1; }; done
'
test_expect_success 'what the reports count is unchanged' '
	counts >"$TEST_DIR/counts.after" &&
	sed "s/^org|2|individual/org|2|individual/" "$TEST_DIR/counts.before" | test_cmp - "$TEST_DIR/counts.after"
'
test_expect_success 'the individual is anonymous, the organization kept' '
	[ "$(sql "SELECT name FROM organization WHERE id = 2")" = "(removed #2)" ] &&
	[ "$(sql "SELECT name FROM organization WHERE id = 1")" = "杉並区地域包括支援センター ケア24成田" ]
'
test_expect_success 'the retention run is in the audit log with who ran it' '
	[ "$(sql "SELECT actor || '"'|'"' || json_extract(new, '"'\$.before'"') FROM audit WHERE tbl = '"'retention'"'")" = "$(id -un)|2025-11-24" ]
'
test_expect_success 'a second run finds nothing more' '
	mado retention --older-than 365 | grep_out "appointments (note, contact):  0"
'
test_expect_success 'the database is whole and the desk works on' '
	mado check >/dev/null && mado show 1 >/dev/null && mado day --date 2026-11-27 | grep_out 新井花子
'
test_done
