#!/bin/sh
# One table of the desk's rules (tests/data/rule-cases.tsv), each case
# run twice on fresh copies of one fixture desk: once through the
# command line (book, edit, done, no-show, cancel, rebook) and once
# through the screen in tmux (the booking form, the edit form, the
# appointment list's status keys).  Both must give the same answer
# (booked, or refused by the same rule naming the same booking, or bad
# input at the same field) and leave the same database behind.
. "$(dirname "$0")/../lib.sh"

CASES="$SRC_DIR/tests/data/rule-cases.tsv"
FIX="$TEST_DIR/fixture.db"
mkdir -p "$XDG_CONFIG_HOME/madoguchi"
printf 'rooms = 相談室A, 相談室B\n' >"$XDG_CONFIG_HOME/madoguchi/config"

fx() { mado --db "$FIX" "$@"; }
# book TAG ARGS...: a fixture booking, its note the tag
fxbook() {
	tag=$1
	shift
	fx book --org 1 --note "tag-$tag" "$@" >/dev/null || { echo "fixture $tag not booked"; exit 1; }
}

fx init >/dev/null &&
fx org add --name 太壱みまもりネットワーク --kana たいちみまもりねっとわーく --type local --municipality 墨田区 >/dev/null &&
fx staff add "山田 花子" >/dev/null && fx staff add "佐藤 健" >/dev/null && fx staff add "鈴木 美咲" >/dev/null
fxbook b01 --date 2026-11-25 --start 10:00 --minutes 60 --channel visit --staff 山田 --room 相談室A
fxbook b02 --date 2026-11-25 --start 13:00 --channel phone --staff 佐藤
fxbook b03 --date 2026-11-28 --start 13:00 --channel phone --staff 佐藤 --override 土曜対応
fxbook b04 --date 2026-11-26 --start 14:00 --channel visit --staff 鈴木 --room 相談室B
fxbook b05 --date 2026-11-24 --start 10:00 --channel phone --staff 鈴木
fxbook b06 --date 2026-11-27 --start 10:00 --channel phone --staff 山田
fxbook b07 --date 2026-11-27 --start 11:00 --channel phone --staff 山田
fx cancel "$(sqlite3 "$FIX" "SELECT id FROM appointment WHERE note = 'tag-b06'")" >/dev/null
fx cancel "$(sqlite3 "$FIX" "SELECT id FROM appointment WHERE note = 'tag-b07'")" >/dev/null
fxbook b08 --date 2026-11-27 --start 11:00 --channel phone --staff 山田
fxbook b09 --date 2026-11-25 --start 15:00 --channel phone
fxbook b10 --date 2026-11-26 --start 10:00 --channel visit --staff 佐藤 --room 相談室A
fxbook b11 --date 2026-11-26 --start 10:00 --channel visit --staff 山田 --room 相談室B
fxbook b12 --date 2026-11-25 --start 10:30 --channel visit --staff 鈴木 --room 相談室A --override 同室で対応
fxbook b14 --date 2026-11-25 --start 10:30 --channel phone --staff 山田 --override 急ぎ
cat >"$TEST_DIR/block.ics" <<'EOF'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//madoguchi tests//rule table//EN
BEGIN:VEVENT
UID:block-1@rule-table
DTSTAMP:20261101T000000Z
DTSTART:20261130T130000
DTEND:20261130T150000
SUMMARY:研修
END:VEVENT
END:VCALENDAR
EOF
fx import "$TEST_DIR/block.ics" --as blocks --staff "鈴木 美咲" >/dev/null || echo "# the block was not imported"

id_of() { sqlite3 "$FIX" "SELECT id FROM appointment WHERE note = 'tag-$1'"; }

# What a refusal of RULE says, the same words on the screen and in stderr.
phrase() {
	case $1 in
	staff) echo "the staff member is already booked then: #$(id_of "$2") " ;;
	room) echo "the room is already booked then: #$(id_of "$2") " ;;
	noroom) echo "no room is free then" ;;
	closed) echo "the desk is closed on" ;;
	hours) echo "is outside desk hours" ;;
	past) echo "is in the past" ;;
	block) echo "is blocked" ;;
	status) echo "appointment #" ;;
	date) echo "is not a date" ;;
	minutes) echo "is not between 5 and 720" ;;
	esac
}

dump() {
	sqlite3 -batch -noheader -cmd ".timeout 5000" "$1" 2>&1 "SELECT id, date, start_min, minutes, channel,
		coalesce(staff_id, 0), coalesce(room, ''), status, coalesce(override_reason, ''),
		coalesce(override_covers, ''), sequence, coalesce(note, ''), org_id
		FROM appointment ORDER BY id;
		SELECT count(*) FROM audit WHERE tbl = 'appointment'"
}

field() { # FIELDS KEY: the value of KEY in "k=v k=v", or nothing
	for kv in $1; do
		case $kv in "$2="*) echo "${kv#*=}"; return ;; esac
	done
}

# ---- the command line ----
run_cli() { # op target fields override -> exit code, stderr in $TEST_DIR/cli.err
	op=$1 target=$2 fields=$3 override=$4
	set --
	for k in date start minutes channel staff room note; do
		v=$(field "$fields" $k)
		[ -n "$v" ] && set -- "$@" "--$k" "$v"
	done
	[ "$override" != - ] && set -- "$@" --override "$override"
	case $op in
	book)
		[ -z "$(field "$fields" channel)" ] && set -- "$@" --channel phone
		mado book --org 1 --note "$CASE_NOTE" "$@" >/dev/null 2>"$TEST_DIR/cli.err" ;;
	edit)
		mado edit "$(id_of "$target")" "$@" >/dev/null 2>"$TEST_DIR/cli.err" ;;
	status)
		st=$(field "$fields" st)
		mado "$st" "$(id_of "$target")" >/dev/null 2>"$TEST_DIR/cli.err" ;;
	esac
}

# ---- the screen ----
HELP_date="Date of the consultation"
HELP_start="Start time, HH:MM"
HELP_minutes="Length in minutes"
HELP_channel="phone consultation or walk-in visit"
HELP_staff="the desk staff member who takes it"
HELP_room="the room, for visits"
HELP_note="Free notes"

goto_field() { # KEY: put the form's cursor on the field
	eval "help=\$HELP_$1"
	i=0
	while [ $i -lt 14 ]; do
		ui_screen | grep -qF -- "$help" && return 0
		ui_keys Down
		sleep 0.05
		i=$((i + 1))
	done
	echo "field $1 not reached"
	ui_screen
	return 1
}

set_text() { # KEY VALUE
	goto_field "$1" && ui_keys C-a C-k && ui_type "$2"
}

set_choice() { # LABEL VALUE-PREFIX
	i=0
	while [ $i -lt 8 ]; do
		row_of "$1 " | grep -qF -- "< $2" && return 0
		ui_keys Right
		sleep 0.05
		i=$((i + 1))
	done
	echo "no choice $2 in $1"
	return 1
}

fill_form() { # fields
	for k in date start minutes; do
		v=$(field "$1" $k)
		[ -n "$v" ] && { set_text $k "$v" || return 1; }
	done
	v=$(field "$1" channel)
	if [ -n "$v" ]; then
		goto_field channel || return 1
		[ "$v" = visit ] && set_choice Channel Visit || set_choice Channel Phone || return 1
	fi
	v=$(field "$1" staff)
	[ -n "$v" ] && { goto_field staff && set_choice Staff "$v" || return 1; }
	v=$(field "$1" room)
	[ -n "$v" ] && { goto_field room && set_choice Room "$v" || return 1; }
	v=$(field "$1" note)
	[ -n "$v" ] && { set_text note "$v" || return 1; }
	return 0
}

run_screen() { # op target fields override expect
	op=$1 target=$2 fields=$3 override=$4 expect=$5
	case $op in
	book)
		UI_ENV="MADOGUCHI_UI_START=book" ui_start && ui_wait "Booking" || return 1
		ui_type "太壱" && ui_wait "(たいちみまもりねっとわーく)" && ui_keys Enter &&
		set_text note "$CASE_NOTE" && fill_form "$fields" || return 1
		ui_keys F2 ;;
	edit)
		UI_ENV="MADOGUCHI_UI_START=edit:$(id_of "$target")" ui_start &&
		ui_wait "Booking #$(id_of "$target")" && fill_form "$fields" || return 1
		ui_keys F2 ;;
	status)
		ui_start && ui_wait "Day schedule" && ui_keys A && ui_wait "Appointments" || return 1
		st=$(sqlite3 "$MADOGUCHI_DB" "SELECT status FROM appointment WHERE note = 'tag-$target'")
		[ "$st" = cancelled ] && ui_keys z
		ui_keys / && ui_type "tag-$target" && ui_keys Enter && ui_wait "matching \"tag-$target\": 1" || return 1
		case $(field "$fields" st) in
		done) ui_keys d ;; no-show) ui_keys x ;; cancel) ui_keys c ;; rebook) ui_keys B ;;
		esac
		ui_wait "Confirm" && ui_keys y && ui_wait_gone "Confirm" || return 1
		case $expect in
		ok) ui_wait "#$(id_of "$target") " ;;
		*) ui_wait "$(phrase $(echo "$expect" | cut -d: -f2-3 | tr : ' '))" ;;
		esac
		return ;;
	esac
	case $expect in
	ok)
		if [ "$override" != - ]; then
			ui_wait "Refused by a desk rule" && ui_keys F8 && ui_wait "Reason:" &&
			ui_type "$override" && ui_keys Enter || return 1
		fi
		ui_wait_gone "─ Booking" ;;
	rule:*)
		ui_wait "Refused by a desk rule" &&
		ui_wait "$(phrase $(echo "$expect" | cut -d: -f2-3 | tr : ' '))" ;;
	input:*)
		ui_wait "$(phrase "${expect#input:}")" ;;
	esac
}

n=0
while IFS='	' read -r name op target fields override expect; do
	case $name in '#'* | '') continue ;; esac
	n=$((n + 1))
	CASE_NOTE="case-$n"
	export MADOGUCHI_DB="$TEST_DIR/cli.db"
	rm -f "$MADOGUCHI_DB"*
	fx backup "$MADOGUCHI_DB" >/dev/null
	run_cli "$op" "$target" "$fields" "$override"
	cli_rc=$?
	dump "$MADOGUCHI_DB" >"$TEST_DIR/cli.dump"

	export MADOGUCHI_DB="$TEST_DIR/ui.db"
	rm -f "$MADOGUCHI_DB"*
	fx backup "$MADOGUCHI_DB" >/dev/null
	run_screen "$op" "$target" "$fields" "$override" "$expect" >"$TEST_DIR/ui.out" 2>&1
	ui_rc=$?
	sleep 0.2
	ui_stop
	dump "$MADOGUCHI_DB" >"$TEST_DIR/ui.dump"

	case $expect in
	ok) want_rc=0 ;;
	rule:*) want_rc=1 ;;
	input:*) want_rc=2 ;;
	esac
	what=$(echo "$expect" | cut -d: -f2-3 | tr : ' ')
	test_expect_success "$name: command line ($expect)" '
		[ "$cli_rc" = "$want_rc" ] || { echo "exit $cli_rc, expected $want_rc"; cat "$TEST_DIR/cli.err"; false; } &&
		case $expect in ok) true ;; *) grep_out "$(phrase $what)" <"$TEST_DIR/cli.err" ;; esac
	'
	test_expect_success "$name: the screen says the same and leaves the same database" '
		[ "$ui_rc" = 0 ] || { cat "$TEST_DIR/ui.out"; false; } &&
		test_cmp "$TEST_DIR/cli.dump" "$TEST_DIR/ui.dump"
	'
done <"$CASES"
test_expect_success "the table holds at least 40 cases ($n)" '[ "$n" -ge 40 ]'
test_done
