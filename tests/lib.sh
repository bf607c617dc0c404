# Shared by the shell tests in tests/cli and tests/ui (source it).
# Pins the environment (locale, zone, clock, HOME, config and data
# directories), gives each test file its own temporary directory and
# database, prints TAP, and drives the real program in a private tmux
# server for screen tests.
#
#   test_expect_success 'description' 'commands'
#   test_expect_code N 'description' 'commands'   (exit code must be N)
#   test_done
#   mado ARGS...          run the program under test
#   ui_start [-x COLS] [-y ROWS] [ARGS...]   start the desk in tmux
#   ui_keys KEYS...       tmux send-keys
#   ui_type TEXT          send literal text
#   ui_wait TEXT [SECS]   wait until the screen shows TEXT (fixed string)
#   ui_wait_gone TEXT [SECS]
#   ui_screen             print the screen
#   row_of TEXT           the first screen row holding TEXT
#   sql QUERY             query the test database
#   sql_is QUERY EXPECTED poll until QUERY gives EXPECTED (10 s)
#   ui_stop               end the tmux server

set -u
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=Asia/Tokyo
unset LANGUAGE NO_COLOR
export MADOGUCHI_NOW=${MADOGUCHI_NOW:-2026-11-24T10:15}
TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/madoguchi-test.XXXXXX")
export HOME="$TEST_DIR/home" XDG_CONFIG_HOME="$TEST_DIR/home/.config" XDG_DATA_HOME="$TEST_DIR/home/.local/share"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
export MADOGUCHI_DB="$TEST_DIR/desk.db"
export USER=tester
: "${MADOGUCHI_BIN:=$(cd "$(dirname "$0")/../.." && pwd)/build/madoguchi}"
: "${MADOGUCHI_BUILD:=$(dirname "$MADOGUCHI_BIN")}"
export MADOGUCHI_BIN MADOGUCHI_BUILD
export MADOGUCHI_LOCALEDIR="$MADOGUCHI_BUILD/locale"
SRC_DIR=$(cd "$(dirname "$0")/../.." && pwd)
# Whatever a test writes by a relative name stays in its own folder.
cd "$TEST_DIR" || exit 1
export MADOGUCHI_SRC="$SRC_DIR"
# The sanitizers report through stderr; make any report fail the run.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}:abort_on_error=1"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}:halt_on_error=1"

test_count=0
test_failed=0
TMUX_SOCK="mado-$$-$(basename "$0" .sh)"

mado() {
	"$MADOGUCHI_BIN" "$@"
}

cleanup() {
	tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
	rm -rf "$TEST_DIR"
}
trap cleanup EXIT

test_ok_() {
	test_count=$((test_count + 1))
	echo "ok $test_count - $1"
}

test_fail_() {
	test_count=$((test_count + 1))
	test_failed=$((test_failed + 1))
	echo "not ok $test_count - $1"
	shift
	[ $# -gt 0 ] && printf '%s\n' "$@" | sed 's/^/#   /'
}

test_expect_success() {
	desc=$1
	out=$( (eval "$2") 2>&1 )
	rc=$?
	if [ $rc -eq 0 ]; then
		test_ok_ "$desc"
	else
		test_fail_ "$desc" "exit code $rc" "$out"
	fi
}

test_expect_code() {
	want=$1
	desc=$2
	out=$( (eval "$3") 2>&1 )
	rc=$?
	if [ $rc -eq "$want" ]; then
		test_ok_ "$desc"
	else
		test_fail_ "$desc" "exit code $rc, expected $want" "$out"
	fi
}

test_done() {
	echo "1..$test_count"
	[ $test_failed -eq 0 ]
	exit $?
}

# test_cmp EXPECTED ACTUAL: files must be equal; prints the diff.
test_cmp() {
	diff -u "$1" "$2"
}

# A command's output must contain a fixed string.
grep_out() {
	grep -qF -- "$1" || { echo "missing: $1"; return 1; }
}

sql() {
	# waits for a desk that is still writing (or just quitting)
	sqlite3 -batch -noheader -cmd ".timeout 5000" "$MADOGUCHI_DB" "$@"
}

# sql_is QUERY EXPECTED: poll the database (up to 10 s) until QUERY
# gives EXPECTED; for screen tests, where the screen may change before
# the desk has written.
sql_is() {
	i=0
	while [ $i -lt 100 ]; do
		got=$(sql "$1")
		[ "$got" = "$2" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "sql: got '$got', expected '$2'"
	return 1
}

ui_start() {
	cols=80
	rows=24
	while [ $# -gt 0 ]; do
		case $1 in
		-x) cols=$2; shift 2 ;;
		-y) rows=$2; shift 2 ;;
		*) break ;;
		esac
	done
	ui_log="$TEST_DIR/ui-stderr.$$"
	# env: pass the pinned environment explicitly into tmux's shell
	tmux -L "$TMUX_SOCK" -f /dev/null new-session -d -x "$cols" -y "$rows" \
		"env LANG=$LANG LC_ALL=$LC_ALL TZ=$TZ TERM=tmux-256color ESCDELAY=25 HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' XDG_DATA_HOME='$XDG_DATA_HOME' MADOGUCHI_DB='$MADOGUCHI_DB' MADOGUCHI_NOW='$MADOGUCHI_NOW' MADOGUCHI_LOCALEDIR='$MADOGUCHI_LOCALEDIR' ${NO_COLOR:+NO_COLOR=1} ASAN_OPTIONS='$ASAN_OPTIONS' UBSAN_OPTIONS='$UBSAN_OPTIONS' USER=$USER $UI_ENV '$MADOGUCHI_BIN' $* 2>'$ui_log'; echo \"[exited \$?]\"; sleep 30"
	tmux -L "$TMUX_SOCK" set-option -g remain-on-exit on >/dev/null 2>&1
}
UI_ENV=

ui_keys() {
	tmux -L "$TMUX_SOCK" send-keys "$@"
}

ui_type() {
	tmux -L "$TMUX_SOCK" send-keys -l "$1"
}

ui_screen() {
	tmux -L "$TMUX_SOCK" capture-pane -p
}

ui_wait() {
	want=$1
	secs=${2:-10}
	end=$(( $(date +%s) + secs ))
	while :; do
		if ui_screen | grep -qF -- "$want"; then
			return 0
		fi
		if [ "$(date +%s)" -ge "$end" ]; then
			echo "timed out waiting for: $want"
			echo "--- screen:"
			ui_screen
			echo "--- stderr:"
			cat "$ui_log" 2>/dev/null
			return 1
		fi
		sleep 0.1
	done
}

ui_wait_gone() {
	gone=$1
	secs=${2:-10}
	end=$(( $(date +%s) + secs ))
	while ui_screen | grep -qF -- "$gone"; do
		if [ "$(date +%s)" -ge "$end" ]; then
			echo "timed out waiting for this to go: $gone"
			ui_screen
			return 1
		fi
		sleep 0.1
	done
}

ui_resize() {
	tmux -L "$TMUX_SOCK" resize-window -x "$1" -y "$2"
}

# row_of TEXT: the first row of the screen holding TEXT, e.g. a label
row_of() {
	ui_screen | grep -F -- "$1" | head -n 1
}

ui_stop() {
	tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
	return 0
}
