#!/bin/sh
# 80 calendars written by other software (../shared/data/ics-real): each
# is imported into an empty desk, and what the desk then exports holds,
# occurrence by occurrence (start and end in desk time, repeating events
# expanded, cancelled ones left out), what python3-icalendar with
# python3-recurring-ical-events reads in the original.  The 16 broken
# files are refused with their line, or imported as far as they can be
# read with each event left out named by its line.  Never a crash.
. "$(dirname "$0")/../lib.sh"

PY=/usr/bin/python3
REF="$SRC_DIR/tests/cli/ics_occurrences.py"
DATA="$SRC_DIR/../shared/data/ics-real"
[ -d "$DATA" ] || DATA=/work/shared/data/ics-real
export MADOGUCHI_NOW=2026-12-07T10:00
HORIZON=2028-12-07	# two years after "today": the end of expanded series

# The broken files and what the desk does with each:
#   refused  exit 2, "line N: ...; nothing was imported"
#   partial  exit 0, each event left out named ("line N: ...; event skipped")
#   whole    exit 0, every event in (compared with the reference as valid files)
broken() {
	case $1 in
	bloc_jp_mangled_utf8|confluence_tz_error|exchange2010_issue343|exchange_ms_timezones|\
	podio_issue350|windows_calendar_utf16) echo refused ;;
	google_birthday|exchange_owa_2012|outlook_windows_quoted_tz|exchange_cdo_missing_event|\
	synology_date_duration|data_ical_hpr_rdate|owncloud_mixed_awareness) echo partial ;;
	apike_japan_west|tvcountdown_episode) echo whole ;;
	calendarlabs_germany_holidays) echo whole-own ;;	# DTEND = DTSTART dates: a day, not zero
	*) echo valid ;;
	esac
}

# Where the reference reader cannot read a valid file, or reads it wrong,
# the expected occurrences are given here, each checked by hand.
reference_fix() { # name file -> the expected occurrences on stdout
	case $1 in
	cyrus_multiple_rrule)
		# two RRULEs (the reader supports one): Thursdays x20 and the
		# 2nd Monday x2, 10:00-12:00 London (GMT, then BST from 26 March)
		for d in 01-12 01-19 01-26 02-02 02-09 02-13 02-16 02-23 03-02 03-09 03-13 03-16 03-23; do
			echo "2023-${d}T19:00 2023-${d}T21:00"
		done
		for d in 03-30 04-06 04-13 04-20 04-27 05-04 05-11 05-18 05-25; do
			echo "2023-${d}T18:00 2023-${d}T20:00"
		done ;;
	evolution)
		# TZID /softwarestudio.org/Tzfile/America/Chicago with its VTIMEZONE:
		# 13:00 CDT (UTC-5) is 03:00 the next day in Tokyo; the reader
		# takes it as a floating time
		echo "2008-06-25T03:00 2008-06-25T04:30" ;;
	zimbra_recur_instances)
		# the reader fails on RDATE;VALUE=PERIOD: read the file without
		# it, and add its one occurrence (09:00Z-12:30Z is 18:00-21:30)
		grep -v '^RDATE;VALUE=PERIOD:' "$2" >"$TEST_DIR/zimbra.ics"
		{ $PY "$REF" "$TEST_DIR/zimbra.ics" $HORIZON
		  echo "2023-11-25T18:00 2023-11-25T21:30"; } | LC_ALL=C sort ;;
	google_big_issue42)
		# a daily series UNTIL=20110328T200000Z at 22:00 Africa/Ceuta: its
		# last occurrence is 20:00Z exactly (CEST from 27 March), which
		# UNTIL includes (RFC 5545 3.3.10); the reader keeps the offset of
		# the first occurrence (CET) and leaves it out
		{ $PY "$REF" "$2" $HORIZON; echo "2011-03-29T05:00 2011-03-29T06:00"; } | LC_ALL=C sort ;;
	*) $PY "$REF" "$2" $HORIZON ;;
	esac
}

n_valid=0 n_exact=0
for f in "$DATA"/*.ics "$DATA"/derived/*.ics; do
	b=$(basename "$f" .ics)
	kind=$(broken "$b")
	db="$TEST_DIR/$b.db"
	MADOGUCHI_DB=$db mado init >/dev/null 2>&1
	MADOGUCHI_DB=$db mado import "$f" >"$TEST_DIR/$b.out" 2>"$TEST_DIR/$b.err"
	rc=$?
	case $kind in
	refused)
		test_expect_success "$b: refused with its line, nothing stored" "
			test $rc -eq 2 &&
			grep -q ': line [0-9]*: .*nothing was imported' '$TEST_DIR/$b.err' &&
			test \"\$(MADOGUCHI_DB=$db sql 'SELECT count(*) FROM program_event')\" = 0
		" ;;
	partial)
		test_expect_success "$b: imported as far as it reads, each event left out named" "
			test $rc -eq 0 &&
			grep -q ': line [0-9]*: .*; event skipped' '$TEST_DIR/$b.err' &&
			! grep -v ': line [0-9]*: .*; event skipped' '$TEST_DIR/$b.err' | grep -q . &&
			grep -q '[1-9][0-9]* skipped' '$TEST_DIR/$b.out'
		" ;;
	*)
		MADOGUCHI_DB=$db mado export --what events -o "$TEST_DIR/$b.exp.ics" 2>/dev/null
		$PY "$REF" "$TEST_DIR/$b.exp.ics" $HORIZON --plain >"$TEST_DIR/$b.got" 2>&1
		if [ "$kind" = whole-own ]; then
			$PY "$REF" "$f" $HORIZON | $PY -c '
import datetime, sys
for l in sys.stdin:
    s, e = l.split()
    if s == e:
        e = str(datetime.date.fromisoformat(s) + datetime.timedelta(days=1))
    print(s, e)' >"$TEST_DIR/$b.want" 2>&1
		else
			reference_fix "$b" "$f" >"$TEST_DIR/$b.want" 2>&1
		fi
		[ "$kind" = valid ] && n_valid=$((n_valid + 1))
		if [ $rc -eq 0 ] && ! [ -s "$TEST_DIR/$b.err" ] && cmp -s "$TEST_DIR/$b.got" "$TEST_DIR/$b.want"; then
			[ "$kind" = valid ] && n_exact=$((n_exact + 1))
			test_ok_ "$b: $(wc -l <"$TEST_DIR/$b.want") occurrences, exact"
		else
			test_fail_ "$b: occurrences differ from the reference (exit $rc)" \
				"$(head -3 "$TEST_DIR/$b.err")" \
				"$(diff "$TEST_DIR/$b.got" "$TEST_DIR/$b.want" | head -20)"
		fi ;;
	esac
done

test_expect_success "every valid file exact ($n_exact of $n_valid, 64 + 6 derived)" "
	test $n_valid -eq 70 && test $n_exact -eq $n_valid
"

# Japanese text survives a fold inside a character and empty Google fields.
test_expect_success 'Japanese titles kept whole' '
	test "$(MADOGUCHI_DB="$TEST_DIR/google_japanese_fold_inside_utf8.db" sql "SELECT title FROM program_event")" = \
		"市民活動団体向け説明会のお知らせ市民活動団体向け説明会のお知らせ" &&
	test "$(MADOGUCHI_DB="$TEST_DIR/google_japanese_empty_description.db" sql "SELECT title, note IS NULL, place IS NULL FROM program_event")" = \
		"打ち合わせ（区役所）|1|1"
'
test_expect_success 'a SUMMARY over 200 characters is kept, shortened with a mark; one with \\n is one line' '
	[ "$(MADOGUCHI_DB="$TEST_DIR/sunbird_sample.db" sql "SELECT count(*), min(length(title)), max(length(title)) FROM program_event WHERE title LIKE '\''%…'\''")" = "5|200|200" ] &&
	[ "$(MADOGUCHI_DB="$TEST_DIR/apple_ical2_language1.db" sql "SELECT count(*) FROM program_event WHERE title LIKE '\''AGF Aarthus 0 - 3 Barça%'\'' AND instr(title, char(10)) = 0")" = 1 ]
'

test_done
