#!/bin/sh
# Exports, printouts and backups hold personal data: regular files are
# made 0600; a pipe or device named as the output is written, never
# replaced by a file (an export once renamed a file over /dev/null).
. "$(dirname "$0")/../lib.sh"

test_expect_success 'a demo desk' 'mado demo >/dev/null'

test_expect_success 'export -o /proc/self/fd/1 (a pipe) writes the calendar' '
	mado export --from 2026-11-24 --to 2026-11-30 -o /proc/self/fd/1 | grep -q "^BEGIN:VCALENDAR"
'
test_expect_success 'export -o a FIFO writes into it and leaves it a FIFO' '
	mkfifo "$TEST_DIR/fifo" &&
	{ timeout 10 cat "$TEST_DIR/fifo" >"$TEST_DIR/from-fifo" & } &&
	mado export --from 2026-11-24 --to 2026-11-30 -o "$TEST_DIR/fifo" &&
	wait &&
	[ -p "$TEST_DIR/fifo" ] &&
	grep -q "^END:VCALENDAR" "$TEST_DIR/from-fifo"
'
test_expect_success 'print -o a FIFO writes into it and leaves it a FIFO' '
	{ timeout 10 cat "$TEST_DIR/fifo" >"$TEST_DIR/print-fifo" & } &&
	mado print --date 2026-11-24 -o "$TEST_DIR/fifo" &&
	wait &&
	[ -p "$TEST_DIR/fifo" ] && [ -s "$TEST_DIR/print-fifo" ]
'
test_expect_code 2 'backup to a FIFO is refused' 'mado backup "$TEST_DIR/fifo"'
test_expect_success 'and the FIFO is still there' '[ -p "$TEST_DIR/fifo" ]'
test_expect_code 2 'export to a directory is refused' 'mado export -o "$TEST_DIR"'
test_expect_success 'an existing world-readable file becomes 0600' '
	echo old >"$TEST_DIR/cal.ics" && chmod 644 "$TEST_DIR/cal.ics" &&
	echo old >"$TEST_DIR/day.txt" && chmod 644 "$TEST_DIR/day.txt" &&
	mado export -o "$TEST_DIR/cal.ics" && mado print --date 2026-11-24 -o "$TEST_DIR/day.txt" &&
	[ "$(stat -c %a "$TEST_DIR/cal.ics")" = 600 ] && [ "$(stat -c %a "$TEST_DIR/day.txt")" = 600 ]
'
test_done
