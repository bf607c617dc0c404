#!/bin/sh
# Nothing a clerk must read is cut (issue 14, item 5): a refusal wider
# than the screen wraps over the lines above the footer, one longer than
# four lines opens in a message window; the line under the day grid
# wraps to three lines, so a callback number and the note are whole;
# the move hint puts what to do first; the Japanese outside-Tokyo
# refusal says 東京都外 once.
. "$(dirname "$0")/../lib.sh"

LONG="社会福祉法人 東京都地域福祉ネットワーク推進協議会 多摩北部ブロック事務局 地域包括ケア推進担当 生活支援コーディネーター連絡会 事務局"
LONGER="$LONG 第二分室 地域共生社会推進プロジェクトチーム 多世代交流拠点整備準備室 多摩北部地域ボランティア連絡調整会議 運営委員会"

test_expect_success 'setup' '
	mado init >/dev/null &&
	mado staff add "山田 花子" --kana "やまだ はなこ" >/dev/null &&
	mado org add --name "$LONG" --kana "とうきょう" --type council --municipality 小平市 >/dev/null &&
	mado org add --name "小平市" --kana "こだいら" --type council --municipality 小平市 >/dev/null &&
	mado org add --name "$LONGER" --kana "たせだい" --type council --municipality 小平市 >/dev/null &&
	mado org add --name "川崎市 地域包括支援センター" --kana "かわさき" --type center \
		--municipality 東京都外 >/dev/null &&
	mado program add --name "伴走支援事業" --deadline 2026-12-04 >/dev/null &&
	mado book --date 2026-11-24 --start 10:00 --channel phone --org 小平市 --staff 山田 \
		--contact "中村 翔" --phone "090-5555-1001 (内線 2345)" \
		--note "介護予防の講座について、来月の開催日程と会場の相談。資料を持参される予定。折り返しは午後に" >/dev/null &&
	mado book --date 2026-11-24 --start 11:00 --channel phone --org 1 --staff 山田 >/dev/null &&
	mado book --date 2026-11-24 --start 14:00 --channel phone --org 3 --staff 山田 >/dev/null
'

ui_start

test_expect_success 'the line under the grid wraps: phone number and note whole (whole screen)' '
	ui_wait "Help F1" && ui_keys Up && ui_wait "* 10:00-10:30 Ph #1" &&
	ui_screen >actual &&
	cat >expect <<-\EOF &&
	 Desk  2026-11-24 (Tue)  Day schedule               now 10:15  Menu F9  Help F1
	Desk open 10:00-17:00, 3 booked
	Time │山田 花子                                                                │
	10:00│*Ph 小平市 中村 翔                                                       │
	10:30│                                                                         │
	11:00│*Ph 社会福祉法人 東京都地域福祉ネットワーク推進協議会 多摩北部ブロック事 │
	11:30│                                                                         │
	12:00│                                                                         │
	12:30│                                                                         │
	13:00│                                                                         │
	13:30│                                                                         │
	14:00│*Ph 社会福祉法人 東京都地域福祉ネットワーク推進協議会 多摩北部ブロック事 │
	14:30│                                                                         │
	15:00│                                                                         │
	15:30│                                                                         │
	* 10:00-10:30 Ph #1 小平市 / 中村 翔 090-5555-1001 (内線 2345) / 山田 花子 /
	介護予防の講座について、来月の開催日程と会場の相談。資料を持参される予定。折り返
	しは午後に
	Follow-ups due by today: 0
	Deadlines within 7 days: 0



	F1 Help F9 Menu q Quit b Book M Move c Cancel n Next p Prev w Week m Month
	EOF
	test_cmp expect actual
'

test_expect_success 'the move hint says what to do first' '
	ui_keys M && ui_wait "Pick a slot: Enter drops it, Esc stops. Moving #1 10:00 小平市"
'

test_expect_success 'a refusal wider than the screen wraps, every word of it on screen' '
	ui_keys Down Down Enter && ui_wait "(o: override with a reason)" &&
	ui_screen | tail -n 5 >actual &&
	cat >expect <<-\EOF &&
	Refused: the staff member is already booked then: #2 2026-11-24 11:00-11:30
	社会福祉法人 東京都地域福祉ネットワーク推進協議会 多摩北部ブロック事務局
	地域包括ケア推進担当 生活支援コーディネーター連絡会 事務局, 山田 花子 (phone)
	(o: override with a reason)
	F1 Help F9 Menu q Quit c Cancel n Next p Prev w Week m Month o Override
	EOF
	test_cmp expect actual
'

test_expect_success 'a refusal longer than four lines opens in a message window' '
	ui_keys Down Down Down Down Down Down && ui_keys Enter &&
	ui_wait "─ Message ─" &&
	ui_screen | grep -qF "地域共生社会推進プロジェクトチーム" &&
	ui_screen | grep -qF "(o: override with a reason)" &&
	ui_keys Escape && ui_wait_gone "─ Message ─" &&
	ui_wait "Pick a slot: Enter drops it" &&
	! ui_screen | grep -qF "The message is long"
'
ui_stop

test_expect_code 1 'the Japanese outside-Tokyo refusal says 東京都外 once' '
	LC_ALL=ja_JP.UTF-8 LANG=ja_JP.UTF-8 mado application add --program 伴走支援事業 \
		--org 川崎市 2>err;
	rc=$?
	cat >expect <<-\EOF
	madoguchi: 川崎市 地域包括支援センター は東京都外の団体のため、伴走支援事業 には申込できません（問い合わせはできます）
	EOF
	test_cmp expect err || exit 9
	exit $rc
'
test_done
