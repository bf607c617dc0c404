#!/bin/sh
# Where settings come from: never the current directory.  Without a
# usable HOME (or XDG variable) the program refuses and says why; a
# config planted in the current directory (with a print_command) is
# never read.  A misspelled timezone is refused with its line instead
# of falling back to UTC.
. "$(dirname "$0")/../lib.sh"

test_expect_success 'a desk' 'mado init >/dev/null && mado staff add 山田'
plant="$TEST_DIR/cwd"
mkdir -p "$plant/.config/madoguchi" "$plant/.local/share/madoguchi" "$plant/forms"
printf 'print_command = touch %s/PWNED\n' "$TEST_DIR" >"$plant/.config/madoguchi/config"
printf 'print_command = touch %s/PWNED\n' "$TEST_DIR" >"$plant/config"
for how in "-u HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME" "HOME= XDG_CONFIG_HOME= XDG_DATA_HOME=" \
	"-u XDG_CONFIG_HOME -u XDG_DATA_HOME HOME=." "HOME=relative XDG_CONFIG_HOME=. XDG_DATA_HOME=."; do
	test_expect_code 2 "env $how: print refuses and says why" '
		cd "$plant" && env $how "$MADOGUCHI_BIN" print --date 2026-11-24 2>"$TEST_DIR/err"; rc=$?
		grep -q "HOME" "$TEST_DIR/err" || { cat "$TEST_DIR/err"; exit 9; }
		[ ! -e "$TEST_DIR/PWNED" ] || { echo "the planted print_command ran"; exit 8; }
		exit $rc
	'
	test_expect_code 2 "env $how: the desk refuses too" '
		cd "$plant" && env $how TERM=xterm "$MADOGUCHI_BIN" </dev/null >/dev/null 2>&1
	'
done
test_expect_success 'no database was made in the current directory' '
	[ ! -e "$plant/.local/share/madoguchi/desk.db" ] && [ ! -e "$plant/desk.db" ]
'
test_expect_success 'XDG_CONFIG_HOME alone is enough with --db' '
	cd "$plant" && env -u HOME XDG_CONFIG_HOME="$XDG_CONFIG_HOME" "$MADOGUCHI_BIN" staff list | grep -q 山田
'
test_expect_code 2 'without a data directory and without --db it refuses' '
	cd "$plant" && env -u HOME -u XDG_DATA_HOME -u MADOGUCHI_DB XDG_CONFIG_HOME="$XDG_CONFIG_HOME" "$MADOGUCHI_BIN" staff list
'
test_expect_success 'forms in the current directory are not read unasked' '
	printf "field bogus\n" >"$plant/forms/appointment.form" &&
	cd "$plant" && env -u MADOGUCHI_SRC -u MADOGUCHI_FORMS "$MADOGUCHI_BIN" book --date 2026-11-25 \
		--start 10:00 --channel phone --org 1 --staff 山田 2>&1 | grep -v -q "bogus"
'
test_expect_success 'a good timezone is taken' '
	printf "timezone = Asia/Tokyo\n" >"$XDG_CONFIG_HOME/madoguchi/config" 2>/dev/null ||
	{ mkdir -p "$XDG_CONFIG_HOME/madoguchi" && printf "timezone = Asia/Tokyo\n" >"$XDG_CONFIG_HOME/madoguchi/config"; } &&
	mado staff list | grep -q 山田
'
for tz in Asia/Tokio asia/tokyo Tokyo ../../etc/passwd /etc/localtime "Asia/Tokyo/x" JST-9; do
	test_expect_code 2 "timezone '$tz' is refused with its line" '
		printf "hours = 10:00-17:00\ntimezone = %s\n" "$tz" >"$XDG_CONFIG_HOME/madoguchi/config" &&
		mado staff list 2>"$TEST_DIR/err"; rc=$?
		grep -q "config:2: timezone" "$TEST_DIR/err" || { cat "$TEST_DIR/err"; exit 9; }
		exit $rc
	'
done
test_expect_success 'an inquiry at 13:05 JST is stamped 13:05' '
	rm "$XDG_CONFIG_HOME/madoguchi/config" &&
	id=$(MADOGUCHI_NOW=2026-11-24T13:05 mado inquiry add --channel phone --topic other --summary 問い合わせ | grep -o "[0-9]\+" | head -1) &&
	[ "$(sql "SELECT received_at FROM inquiry")" = "2026-11-24T13:05" ]
'
test_done
