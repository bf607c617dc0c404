#!/bin/sh
# Fields a site adds in $XDG_CONFIG_HOME/madoguchi/forms/appointment.form:
# shown in the booking form, stored with the appointment, shown by
# `madoguchi show` and read back by the edit form.  Also where the
# forms are read from, and a broken site form named by file and line.
. "$(dirname "$0")/../lib.sh"

SITE="$XDG_CONFIG_HOME/madoguchi/forms"

test_expect_success 'setup' '
	mado init >/dev/null &&
	mado staff add "山田 花子" >/dev/null &&
	mado org add --name "杉並区地域包括支援センター ケア24成田" --kana "けあ24なりた" \
		--type center --municipality 杉並区 >/dev/null &&
	mkdir -p "$SITE" &&
	cat >"$SITE/appointment.form" <<-\EOF
	# our desk asks who sent them, and how many come
	field referral
	label Referred by
	label.ja 紹介元
	width 30
	after staff
	help Who sent them to the desk

	field visitors
	label Visitors
	type choice
	choices 1,2,3,4+
	EOF
'

# wait until the text shows in a box, its lines joined (a long path
# wraps at any character)
ui_wait_joined() {
	i=0
	while [ $i -lt 100 ]; do
		ui_screen | sed -e "s/^[^│]*│ *//" -e "s/ *│[^│]*\$//" | tr -d "\n" |
			grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "timed out waiting for: $1"; ui_screen; return 1
}

UI_ENV="MADOGUCHI_UI_START=book:2026-11-25:13:00"
ui_start
test_expect_success 'the site fields are in the booking form, in their place' '
	ui_wait "Booking" &&
	ui_wait "Referred by" && ui_wait "Visitors" &&
	ui_screen | grep -A1 -F "Staff" | tail -n 1 | grep -qF "Referred by"
'

test_expect_success 'their values are typed like any other' '
	ui_type "けあ" && ui_wait "(けあ24なりた)" && ui_keys Enter &&
	ui_keys Tab Tab Tab Tab && ui_wait "Who sent them to the desk" &&
	ui_type "区役所の紹介" &&
	ui_keys BTab Right Tab Tab Tab Tab && ui_keys Right Right &&
	ui_wait "< 2 >"
'

test_expect_success 'saved with the appointment' '
	ui_keys F2 && ui_wait_gone "Booking" &&
	sql_is "SELECT group_concat(key || '\''='\'' || value, '\'';'\'') FROM (SELECT key, value FROM extra_field WHERE tbl = '\''appointment'\'' AND row_id = 1 ORDER BY key)" \
	  "referral=区役所の紹介;visitors=2"
'
ui_stop
sleep 0.2

test_expect_success 'madoguchi show lists them with their labels' '
	mado show 1 >"$TEST_DIR/show" &&
	grep_out "Referred by: 区役所の紹介" <"$TEST_DIR/show" &&
	grep_out "Visitors: 2" <"$TEST_DIR/show"
'

UI_ENV="MADOGUCHI_UI_START=edit:1"
ui_start
test_expect_success 'the edit form reads them back' '
	ui_wait "Booking #1" &&
	row_of "Referred by" | grep -qF "区役所の紹介" &&
	row_of "Visitors" | grep -qF "< 2 >" &&
	row_of "Organization" | grep -qF "ケア24成田"
'

test_expect_success 'an edited value is stored, an emptied one removed' '
	ui_keys Tab Tab Tab Tab Tab Tab Tab Tab Tab && ui_wait "Who sent them to the desk" &&
	ui_keys C-u && ui_type "社協" && ui_keys Tab Tab Tab && ui_keys Left Left &&
	ui_wait "< - >" &&
	ui_keys F2 && ui_wait_gone "Booking" &&
	sql_is "SELECT key, value FROM extra_field WHERE tbl = '\''appointment'\'' AND row_id = 1" "referral|社協" &&
	[ "$(sql "SELECT count(*) FROM audit WHERE tbl = '\''extra_field'\''")" -ge 3 ]
'
ui_stop
sleep 0.2

test_expect_success 'in a Japanese locale the form speaks Japanese, site labels too' '
	LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 &&
	UI_ENV="MADOGUCHI_UI_START=edit:1" && ui_start &&
	ui_wait "相談予約 #1" &&
	row_of "日付 *" | grep -qF "2026-11-25" &&
	row_of "相談方法 *" | grep -qF "< 電話相談 >" &&
	row_of "紹介元" | grep -qF "社協" &&
	ui_wait "打合せ・会議運営支援" &&
	for label in "日付 *" "団体 *" "紹介元" "相談内容"; do
		w=$(row_of "$label" | wc -L) &&
		[ "$w" -eq 80 ] || { echo "$label row is $w wide"; row_of "$label"; return 1; }
	done
'
ui_stop
sleep 0.2

test_expect_success 'a broken site form is named by file and line; the form still opens' '
	printf "field bad\nlabel Bad\nwidth lots\n" >"$SITE/appointment.form" &&
	UI_ENV="MADOGUCHI_UI_START=book:2026-11-25:14:00" ui_start &&
	ui_wait "Form definition" && ui_wait_joined "madoguchi/forms/appointment.form:3: width" &&
	ui_keys Enter && ui_wait "Booking" &&
	! ui_screen | grep -qF "Referred by"
'
ui_stop
sleep 0.2

test_expect_success 'a forms directory in $MADOGUCHI_SRC is used first' '
	rm -f "$SITE/appointment.form" &&
	mkdir -p "$TEST_DIR/src/forms" &&
	sed "s/^label Date\$/label Day of visit/" "$SRC_DIR/forms/appointment.form" \
		>"$TEST_DIR/src/forms/appointment.form" &&
	UI_ENV="MADOGUCHI_UI_START=book MADOGUCHI_SRC=$TEST_DIR/src" ui_start &&
	ui_wait "Day of visit"
'
ui_stop
sleep 0.2

test_expect_success 'with no forms directory anywhere the built-in forms are used' '
	mkdir -p "$TEST_DIR/empty" && cd "$TEST_DIR/empty" &&
	UI_ENV="MADOGUCHI_UI_START=book MADOGUCHI_SRC=$TEST_DIR/empty" ui_start &&
	ui_wait "Booking" && ui_wait "Organization *" &&
	! ui_screen | grep -qF "Form definition"
'
ui_stop

test_done
