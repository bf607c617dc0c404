#!/bin/sh
# A hostile database: written with the sqlite3 shell, CHECKs bypassed
# (PRAGMA ignore_check_constraints) and the audit triggers dropped, so
# every free-text column, some codes and the note times hold terminal
# escapes, C0 and C1 controls, bidi controls and invalid UTF-8.  Every
# read command and every screen runs on it; no byte below 0x20 but
# newline and tab, no C1 control and no bidi control may reach the
# output (CSV and .ics keep CRLF, a printout its form feeds), and the
# desk's terminal never gets an OSC (title) or such a character.
. "$(dirname "$0")/../lib.sh"

test_expect_success 'a demo desk with a closed day, a note and a staff block' '
	mado demo >/dev/null && mado closed add 2026-11-26 "棚卸し" >/dev/null &&
	mado inquiry note 1 "折り返し済み" >/dev/null
'
EVIL="X'1b5b324a1b5d303b70776e6564071b5c' || 'ev' || X'e280ae' || 'il' || X'fffe' || X'c29b' || X'0d08' || X'7f' || X'e2808f' || X'e281a6' || X'1b50' || 'end'"
# columns that hold codes or dates the queries select on stay; all other text turns hostile
keep='account date received_at due_date desk_from desk_to deadline reg_deadline received done_on created_at updated_at status channel type desk booked_via action tbl key municipality_kind'
{
	echo "PRAGMA ignore_check_constraints = 1; PRAGMA foreign_keys = 0; BEGIN;"
	sql "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_schema WHERE type = 'trigger'"
	for t in $(sql "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '%fts%' AND name NOT IN ('municipality', 'setting')"); do
		for c in $(sql "SELECT name FROM pragma_table_info('$t') WHERE type = 'TEXT'"); do
			case " $keep " in *" $c "*) continue ;; esac
			echo "UPDATE $t SET $c = CAST($EVIL || ifnull($c, '') AS TEXT);"
		done
	done
	# a few codes and the municipality too, on some rows
	echo "UPDATE organization SET municipality = CAST($EVIL AS TEXT), type = CAST($EVIL AS TEXT) WHERE id = 2;"
	echo "UPDATE appointment SET status = CAST($EVIL AS TEXT), channel = CAST($EVIL AS TEXT) WHERE id = 2;"
	echo "UPDATE appointment_topic SET topic = CAST($EVIL AS TEXT) WHERE appt_id = 1;"
	echo "UPDATE inquiry SET channel = CAST($EVIL AS TEXT), status = CAST($EVIL AS TEXT) WHERE id = 2;"
	echo "UPDATE application SET status = CAST($EVIL AS TEXT) WHERE id = 2;"
	echo "UPDATE staff SET desk = CAST($EVIL AS TEXT) WHERE id = 2;"
	# (unique per row: the accounts linked to staff records)
	echo "UPDATE staff SET account = CAST($EVIL || id AS TEXT);"
	echo "INSERT INTO staff_block (uid, staff_id, date, start_min, minutes, title) VALUES (CAST($EVIL AS TEXT), 1, '2026-11-24', 780, 30, CAST($EVIL AS TEXT));"
	echo "COMMIT;"
} >"$TEST_DIR/evil.sql"
test_expect_success 'the hostile text is written with the sqlite3 shell' '
	sqlite3 -batch "$MADOGUCHI_DB" <"$TEST_DIR/evil.sql" &&
	[ "$(sql "SELECT count(*) FROM organization WHERE name LIKE char(27) || '\''%'\''")" -gt 5 ] &&
	sql "SELECT at FROM inquiry_note" | LC_ALL=C grep -q "$(printf "\033")"
'

# clean FILE [crlf|ff]: no control byte but LF and TAB (CR only before LF
# with crlf, form feed with ff), no DEL, no C1, no bidi control, valid UTF-8
clean() {
	perl -e '
		my ($f, $mode) = @ARGV; local $/; open my $h, "<:raw", $f or die; my $s = <$h>;
		$s =~ s/\r\n/\n/g if $mode eq "crlf";
		$s =~ s/\f//g if $mode eq "ff";
		if ($s =~ /([\x00-\x08\x0b-\x1f\x7f])/) { printf "control byte 0x%02X in %s\n", ord($1), $f; exit 1 }
		utf8::decode($s) or do { print "invalid UTF-8 in $f\n"; exit 1 };
		if ($s =~ /([\x{80}-\x{9f}\x{61c}\x{200e}\x{200f}\x{202a}-\x{202e}\x{2066}-\x{2069}])/) {
			printf "control U+%04X in %s\n", ord($1), $f; exit 1 }
	' "$1" "${2:-}"
}
n=0
run() { # MODE ARGS...: run a command, check stdout and stderr
	mode=$1; shift
	n=$((n + 1))
	mado "$@" >"$TEST_DIR/out$n" 2>"$TEST_DIR/err$n"
	clean "$TEST_DIR/out$n" "$mode" && clean "$TEST_DIR/err$n" || { echo "from: mado $*"; return 1; }
}
ev=$(printf 'x\033]0;pwned\007\302\233\342\200\256y')
test_expect_success 'day, agenda, show: clean' '
	for d in 2026-11-24 2026-11-25 2026-11-26 2026-11-28 2026-11-27; do
		run "" day --date $d && run "" day --date $d --tsv || exit 1
	done
	run "" agenda --from 2026-11-01 --to 2026-12-31 && run "" agenda --from 2026-11-01 --to 2026-12-31 --tsv &&
	run "" agenda --all --search ev --tsv &&
	for i in 1 2 3 4 5 6 7 8 9 10 69; do run "" show $i || exit 1; done
'
test_expect_success 'organizations and staff: clean' '
	run "" org list && run "" org list --tsv && run "" org search ev && run "" org search ev --tsv &&
	for i in 1 2 3 4 5; do run "" org show $i || exit 1; done
	run "" staff list --all && run "" staff list --all --tsv &&
	run "" audit --limit 400 && run "" audit --limit 400 --tsv && run "" whoami
'
test_expect_success 'closed days and holidays: clean' '
	run "" closed --from 2026-11-01 --to 2026-12-31 && run "" holidays --year 2026 && run "" holidays --year 2026 --tsv
'
test_expect_success 'inquiries: clean' '
	run "" inquiry list && run "" inquiry list --tsv && run "" inquiry list --search ev &&
	for i in 1 2 3 4 5 6; do run "" inquiry show $i || exit 1; done
'
test_expect_success 'programs and applications: clean' '
	run "" program list && run "" program list --tsv &&
	for i in 1 2 3 4 5 6 7 8 9; do run "" program show $i || exit 1; done
	run "" application list && run "" application list --tsv &&
	for i in 1 2 3 4; do run "" application show $i || exit 1; done
'
test_expect_success 'deadlines, report, check: clean' '
	run "" deadlines --within 400 && run "" deadlines --within 400 --tsv &&
	run "" report --month 2026-11 && run crlf report --month 2026-11 --csv &&
	run "" report --fiscal-year 2026 && run crlf report --year 2026 --csv && run "" check
'
test_expect_success 'export and print to stdout and to files: clean' '
	run crlf export --from 2026-11-01 --to 2026-12-31 -o - &&
	run crlf export --from 2026-11-01 --to 2026-12-31 --no-personal -o - &&
	run ff print --date 2026-11-24 --format text -o - &&
	run ff print --date 2026-11-24 --format text --per-staff -o - &&
	mado export -o "$TEST_DIR/cal.ics" 2>/dev/null && clean "$TEST_DIR/cal.ics" crlf &&
	mado print --date 2026-11-24 --format text -o "$TEST_DIR/day.txt" && clean "$TEST_DIR/day.txt" ff
'
test_expect_success 'usage errors and unknown commands do not echo argv raw' '
	run "" "$ev" && run "" day --date "$ev" && run "" show "$ev" && run "" org "$ev" &&
	run "" inquiry "$ev" && run "" day "--$ev" && run "" --db "$TEST_DIR/$ev" day && run "" "--$ev" &&
	run "" program show "$ev" && run "" export --what "$ev" && run "" print --format "$ev" &&
	run "" book --date 2026-11-25 --start 10:00 --channel phone --org "$ev"
'
test_expect_success 'refusals naming hostile records are clean' '
	run "" book --date 2026-11-24 --start 10:00 --channel phone --org 1 --staff 1 &&
	run "" inquiry note 1 "$ev"
'

# every screen, with the raw bytes the desk sends to the terminal logged
screen_clean() { # LABEL
	ui_screen >"$TEST_DIR/screen" && clean "$TEST_DIR/screen" || { echo "on $1"; cat "$TEST_DIR/screen"; return 1; }
	title=$(tmux -L "$TMUX_SOCK" display-message -p "#{pane_title}")
	case $title in *pwned*) echo "the title was set on $1"; return 1 ;; esac
}
visit() { # LABEL KEYS...
	label=$1; shift
	ui_keys "$@" && sleep 0.6 && screen_clean "$label"
}
test_expect_success 'the desk starts on the hostile database' '
	ui_start && ui_wait "2026" 15 &&
	tmux -L "$TMUX_SOCK" pipe-pane -o "cat >>\"$TEST_DIR/raw\"" && sleep 0.3 && ui_keys C-l && sleep 0.5 &&
	screen_clean day
'
test_expect_success 'every screen shows no raw control' '
	visit booking Enter && visit back Escape Escape &&
	visit next-day n && visit closed-day n n && visit today t &&
	visit week w && visit week-next n && visit back Escape && visit month m && visit year y && visit back Escape Escape &&
	visit agenda a && visit back Escape &&
	visit appointments A && visit appointment Enter && visit back Escape Escape &&
	visit organizations O && visit organization Enter && visit back Escape Escape &&
	visit staff S && visit back Escape &&
	visit inquiries i && visit inquiry Enter && visit inquiry-2 Escape Down Enter && visit back Escape Escape &&
	visit deadlines E && visit back Escape &&
	visit programs P && visit program Enter && visit back Escape Escape &&
	visit report R && visit back Escape &&
	visit search / && ui_type ev && visit search-results Enter && visit back Escape Escape &&
	visit help "?" && visit back Escape && visit menu F9 && visit back Escape Escape
'
test_expect_success 'no OSC, C1 or bidi control was sent to the terminal' '
	[ -s "$TEST_DIR/raw" ] &&
	perl -e '\''local $/; my $s = <STDIN>;
		if ($s =~ /\e\]/) { print "OSC sent\n"; exit 1 }
		if ($s =~ /\eP/) { print "DCS sent\n"; exit 1 }
		utf8::decode($s) or do { print "invalid UTF-8 sent\n"; exit 1 };
		if ($s =~ /([\x{80}-\x{9f}\x{61c}\x{200e}\x{200f}\x{202a}-\x{202e}\x{2066}-\x{2069}])/) {
			printf "U+%04X sent\n", ord($1); exit 1 }'\'' <"$TEST_DIR/raw"
'
test_expect_success 'the desk quits cleanly' '
	ui_keys q && ui_wait "[exited 0]" 10 && ! grep -q "runtime error\|AddressSanitizer" "$TEST_DIR"/ui-stderr.*
'
test_done
