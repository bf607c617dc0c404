#!/bin/sh
# Golden captures (issue 14): every screen of the desk as a whole
# screen, at 80x24 and 120x40, in C.UTF-8 and ja_JP.UTF-8, on the demo
# desk with the clock pinned, compared with the captures checked in
# under tests/ui/golden/SIZE/LOCALE/NAME.txt.  A difference fails and
# prints the diff.  Regenerate on purpose only, and read the diff
# before committing it:
#
#     UPDATE_GOLDEN=1 make test-run     (or run this file alone, see README)
#
# Each screen starts from a fresh desk, so no capture depends on
# another; the screen is taken when three captures 0.2 s apart agree.
. "$(dirname "$0")/../lib.sh"

GOLDEN="$SRC_DIR/tests/ui/golden"

# name, keys from the day screen (tmux key names; "-" none), start hook
SCREENS='
01-day	-	-
02-week	w	-
03-month	m	-
04-agenda	a	-
05-appointments	A	-
06-organizations	O	-
07-organization	O Enter	-
08-staff	S	-
09-inquiries	i	-
10-inquiry	i Enter	-
11-deadlines	E	-
12-programs	P	-
13-program	P Enter	-
14-report	R	-
15-help	F1	-
16-menu	F9	-
17-booking-form	-	book:2026-11-25:10:00
18-quick-log	L	-
'

test_expect_success 'demo desk' 'mado demo >/dev/null'

# settle: print the screen once three captures 0.2 s apart agree
settle() {
	prev=$(ui_screen) n=0 i=0
	while [ $i -lt 100 ]; do
		sleep 0.2
		cur=$(ui_screen)
		if [ "$cur" = "$prev" ] && [ -n "$(printf '%s' "$cur" | tr -d ' \n')" ]; then
			n=$((n + 1))
			[ $n -ge 2 ] && { printf '%s\n' "$cur"; return 0; }
		else
			n=0
		fi
		prev=$cur
		i=$((i + 1))
	done
	echo "the screen did not settle" >&2
	return 1
}

# golden_check FILE ACTUAL: equal, or with UPDATE_GOLDEN=1 FILE is written
golden_check() {
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
		mkdir -p "$(dirname "$1")" && cp "$2" "$1" && return 0
	fi
	[ -f "$1" ] || { echo "no golden capture $1 (UPDATE_GOLDEN=1 makes it)"; return 1; }
	test_cmp "$1" "$2"
}

BASE_SOCK=$TMUX_SOCK
capture() {	# SIZE LOCALE NAME KEYS HOOK
	cols=${1%x*} rows=${1#*x}
	# a server of its own: a new one on a name just killed can race
	TMUX_SOCK="$BASE_SOCK-$1-$2-$3"
	LANG=$2 LC_ALL=$2
	UI_ENV=
	[ "$5" != - ] && UI_ENV="MADOGUCHI_UI_START=$5"
	ui_start -x "$cols" -y "$rows" &&
	settle >/dev/null &&
	if [ "$4" != - ]; then
		# shellcheck disable=SC2086
		ui_keys $4
	fi &&
	settle >"$TEST_DIR/actual" &&
	ui_stop &&
	golden_check "$GOLDEN/$1/$2/$3.txt" "$TEST_DIR/actual"
}

for size in 80x24 120x40; do
	for loc in C.UTF-8 ja_JP.UTF-8; do
		printf '%s\n' "$SCREENS" | while IFS='	' read -r name keys hook; do
			[ -n "$name" ] || continue
			test_expect_success "golden $size $loc $name" \
				"capture $size $loc $name '$keys' '$hook'"
			echo "$test_count $test_failed" >"$TEST_DIR/counts"
		done
		# the loop ran in a subshell: carry its counts out
		read -r test_count test_failed <"$TEST_DIR/counts"
	done
done
export LANG=C.UTF-8 LC_ALL=C.UTF-8

test_expect_success 'every golden capture is used: none left over from a removed screen' '
	find "$GOLDEN" -name "*.txt" | sort >have &&
	for size in 80x24 120x40; do for loc in C.UTF-8 ja_JP.UTF-8; do
		printf "%s\n" "$SCREENS" | cut -f1 | grep . | sed "s|^|$GOLDEN/$size/$loc/|; s|\$|.txt|"
	done; done | sort >want &&
	test_cmp want have
'

test_expect_success 'the comparison fails on a one-character difference' '
	f="$GOLDEN/80x24/C.UTF-8/01-day.txt" &&
	sed "3s/./X/" "$f" >changed &&
	! cmp -s "$f" changed &&
	! (UPDATE_GOLDEN= golden_check "$f" changed) >/dev/null 2>&1 &&
	(UPDATE_GOLDEN= golden_check "$f" "$f")
'
test_done
