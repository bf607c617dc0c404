#!/bin/sh
# Two desks on one database: a booking made elsewhere appears without a
# keypress; moving onto it is refused naming it; move by keys, override
# with a reason, cancel with confirmation, done and no-show.
. "$(dirname "$0")/../lib.sh"

test_expect_success 'demo desk' 'mado demo >/dev/null'

ui_start
test_expect_success 'the desk shows today' '
	ui_wait "2026-11-24 (Tue)" && ui_wait "*Vi NPO法人 むべの会"
'
test_expect_success 'another desk books 15:00 for 佐藤 健 (command line)' '
	id=$(mado book --date 2026-11-24 --start 15:00 --channel phone --org 要町 --staff "佐藤 健") &&
	echo "$id" >"$TEST_DIR/id" && [ -n "$id" ]
'
test_expect_success 'it appears on this desk without a keypress' '
	ui_wait "*Ph 要町あさやけ子ども" &&
	ui_screen | grep "^15:00" | grep_out "要町あさやけ"
'
test_expect_success 'M on #36 (14:00 山田 花子) starts a move' '
	ui_keys Right Right j j j j j j j j && ui_wait "14:00-15:00 Vi #36" &&
	ui_keys M && ui_wait "Moving #36 14:00"
'
test_expect_success 'dropping it on the other booking is refused, naming it' '
	id=$(cat "$TEST_DIR/id") &&
	ui_keys Left Left j j && ui_wait "15:00-15:30 Ph #$id" &&
	ui_keys Enter && ui_wait "Refused: the staff member is already booked then: #$id 2026-11-24 15:00-15:30" &&
	[ "$(sql "SELECT start_min, staff_id FROM appointment WHERE id = 36")" = "840|1" ]
'
test_expect_success 'a free slot takes it' '
	ui_keys k k && ui_keys Enter && ui_wait "#36 moved" &&
	[ "$(sql "SELECT start_min, s.name FROM appointment a JOIN staff s ON s.id = a.staff_id WHERE a.id = 36")" = "840|佐藤 健" ] &&
	ui_screen | grep "^14:00" | grep_out "│*Vi NPO法人 むべの会"
'
test_expect_success 'moving to a Saturday is refused, o overrides with a reason' '
	ui_keys M && ui_wait "Moving #36" &&
	ui_keys n n n n && ui_wait "2026-11-28 (Sat)" && ui_keys Enter &&
	ui_wait "Refused: the desk is closed on 2026-11-28 (土曜)" &&
	ui_keys o && ui_wait "Reason:" && ui_type "土曜の個別対応" && ui_keys Enter &&
	ui_wait "#36 moved" &&
	[ "$(sql "SELECT date, start_min, override_reason FROM appointment WHERE id = 36")" = "2026-11-28|840|土曜の個別対応" ]
'
test_expect_success 'it shows on the Saturday, override reason in the detail line' '
	ui_wait "*Vi NPO法人 むべの会" && ui_wait "[override: 土曜の個別対応]"
'
test_expect_success 'Esc ends a move without changing anything' '
	ui_keys M && ui_wait "Moving #36" && ui_keys p && ui_wait "2026-11-27" &&
	ui_keys Escape && ui_wait "Move stopped" &&
	[ "$(sql "SELECT date FROM appointment WHERE id = 36")" = "2026-11-28" ]
'
test_expect_success 'c asks, n keeps it' '
	ui_keys n && ui_wait "2026-11-28 (Sat)" && ui_keys c && ui_wait "Cancel booking #36, 2026-11-28 14:00-15:00" &&
	ui_keys n && ui_wait "Nothing changed" &&
	[ "$(sql "SELECT status FROM appointment WHERE id = 36")" = "booked" ]
'
test_expect_success 'c then y cancels it' '
	ui_keys c && ui_wait "Cancel booking #36, 2026-11-28 14:00-15:00" && ui_keys y && ui_wait "#36 cancelled" &&
	[ "$(sql "SELECT status FROM appointment WHERE id = 36")" = "cancelled" ] &&
	ui_wait_gone "*Vi NPO法人 むべの会"
'
test_expect_success 'z shows cancelled bookings with their mark' '
	ui_keys z && ui_wait "xVi NPO法人 むべの会" && ui_keys z && ui_wait_gone "xVi NPO法人"
'
test_expect_success 'd asks naming the booking, then marks it done; x on a booking not yet started is refused' '
	ui_keys t && ui_wait "2026-11-24 (Tue)" && ui_keys Right Right k k k k k k k k k k &&
	ui_wait "10:00-10:30 Ph #34" && ui_keys d &&
	ui_wait "Mark booking #34, 2026-11-24 10:00-10:30" && ui_keys y && ui_wait "#34 marked done" &&
	ui_wait "✓Ph 太壱" &&
	[ "$(sql "SELECT status FROM appointment WHERE id = 34")" = "done" ] &&
	ui_keys Left Left j j && ui_wait "11:00-12:00 Vi #35" && ui_keys x &&
	ui_wait "a no-show?" && ui_keys y &&
	ui_wait "#35 has not started yet; it cannot be a no-show" &&
	[ "$(sql "SELECT status FROM appointment WHERE id = 35")" = "booked" ]
'
test_expect_success 'B sets a wrong done back to booked, after asking' '
	ui_keys Right Right k k && ui_wait "10:00-10:30 Ph #34" && ui_keys B &&
	ui_wait "Set booking #34, 2026-11-24 10:00-10:30" && ui_keys y && ui_wait "#34 is booked again" &&
	[ "$(sql "SELECT status FROM appointment WHERE id = 34")" = "booked" ]
'
test_expect_success 'the agenda lists the bookings and acts on them too' '
	ui_keys a && ui_wait "Agenda 2026-11-24 - 2026-12-07" && ui_wait "2026-11-28 (Sat)  closed: Saturday (土曜)" &&
	ui_keys Escape && ui_wait "Day schedule" && ui_keys q && ui_wait "[exited 0]"
'
ui_stop
test_done
