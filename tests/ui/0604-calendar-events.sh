#!/bin/sh
# Imported calendar events on the screens: the day's side panel lists
# them (one that began the day before too), the week shows each under
# its date, the month counts them, the agenda puts them under their day.
. "$(dirname "$0")/../lib.sh"

crlf() { sed 's/$/\r/'; }

test_expect_success 'a desk with one staff member and an imported calendar' '
	mado init >/dev/null &&
	mado staff add "山田 花子" >/dev/null &&
	crlf >"$TEST_DIR/partner.ics" <<-\EOF2 &&
	BEGIN:VCALENDAR
	VERSION:2.0
	PRODID:-//partner//test//EN
	BEGIN:VEVENT
	UID:overnight@partner.example
	DTSTAMP:20261101T000000Z
	DTSTART;TZID=Asia/Tokyo:20261201T200000
	DTEND;TZID=Asia/Tokyo:20261202T013000
	SUMMARY:夜間説明会
	LOCATION:港区役所
	END:VEVENT
	BEGIN:VEVENT
	UID:weekly@partner.example
	DTSTAMP:20261101T000000Z
	DTSTART;TZID=Asia/Tokyo:20261202T100000
	DTEND;TZID=Asia/Tokyo:20261202T113000
	RRULE:FREQ=WEEKLY;BYDAY=WE
	SUMMARY:定例連絡会
	END:VEVENT
	END:VCALENDAR
	EOF2
	mado import "$TEST_DIR/partner.ics" >/dev/null
'
ui_start
test_expect_success 'day: the events in the side panel (at 80x24 as many as fit)' '
	ui_wait "Day schedule" &&
	ui_keys g && ui_wait "Go to date" && ui_keys C-u && ui_type "2026-12-02" && ui_keys Enter &&
	ui_wait "2026-12-02 (Wed)" && ui_wait "Events: 2" &&
	ui_screen >"$TEST_DIR/day" &&
	test_cmp - "$TEST_DIR/day" <<-\EOF2
	 Desk  2026-12-02 (Wed)  Day schedule               now 10:15  Menu F9  Help F1
	Desk open 10:00-17:00, 0 booked
	Time │山田 花子                                                                │
	10:00│                                                                         │
	10:30│                                                                         │
	11:00│                                                                         │
	11:30│                                                                         │
	12:00│                                                                         │
	12:30│                                                                         │
	13:00│                                                                         │
	13:30│                                                                         │
	14:00│                                                                         │
	14:30│                                                                         │
	15:00│                                                                         │
	15:30│                                                                         │
	16:00│                                                                         │
	16:30│                                                                         │
	Free slot 10:00 山田 花子: b or Enter books it
	Events: 2
	-01:30 夜間説明会 @ 港区役所
	Follow-ups due by today: 0
	Deadlines within 7 days: 0

	F1 Help F9 Menu q Quit b Book M Move c Cancel n Next p Prev w Week m Month
	EOF2
'
test_expect_success 'week: each day its event under the date' '
	ui_keys w && ui_wait "Week of 2026-11-30" && ui_screen >"$TEST_DIR/week" &&
	sed -n 4p "$TEST_DIR/week" >"$TEST_DIR/row" &&
	grep_out "│20:00- 夜│2 events │" <"$TEST_DIR/row"
'
test_expect_success 'month: the count of events per day' '
	ui_keys m && ui_wait "2026-12:" && ui_screen >"$TEST_DIR/month" &&
	test_cmp - "$TEST_DIR/month" <<-\EOF2
	 Desk  2026-12-02 (Wed)  Month                      now 10:15  Menu F9  Help F1
	2026-12: 0 bookings on 20 desk days
	 Mon        Tue        Wed        Thu        Fri        Sat        Sun
	           │ 1        │ 2        │ 3        │ 4        │ 5        │ 6
	           │          │          │          │          │土曜      │日曜
	           │1 event   │2 events  │          │          │          │
	│ 7        │ 8        │ 9        │10        │11        │12        │13
	│          │          │          │          │          │土曜      │日曜
	│          │          │1 event   │          │          │          │
	│14        │15        │16        │17        │18        │19        │20
	│          │          │          │          │          │土曜      │日曜
	│          │          │1 event   │          │          │          │
	│21        │22        │23        │24        │25        │26        │27
	│          │          │          │          │          │土曜      │日曜
	│          │          │1 event   │          │          │          │
	│28        │29        │30        │31
	│          │年末年始休│年末年始休│年末年始休
	│          │          │1 event   │



	2026-12-02 (Wed): 0 booked, 2 events

	F1 Help F9 Menu q Quit Enter Open n Next p Prev t Today w Week Esc Back
	EOF2
'
test_expect_success 'agenda: the events under their day' '
	ui_keys a && ui_wait "Agenda 2026-12-02" && ui_screen >"$TEST_DIR/agenda" &&
	grep_out "  event: -01:30 夜間説明会 @ 港区役所" <"$TEST_DIR/agenda" &&
	grep_out "  event: 10:00-11:30 定例連絡会" <"$TEST_DIR/agenda" &&
	[ "$(grep -c "定例連絡会" "$TEST_DIR/agenda")" = 2 ]
'
test_expect_success 'quit' 'ui_keys q && ui_wait "[exited 0]"'
ui_stop
test_done
