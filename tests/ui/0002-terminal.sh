#!/bin/sh
# Terminal behaviour: too small and recovering, SIGTERM/SIGHUP restore
# the terminal, stored escape sequences shown as placeholders, NO_COLOR,
# keys from the config file.
. "$(dirname "$0")/../lib.sh"

test_expect_success 'demo desk' 'mado demo >/dev/null'

desk_pid() {
	pgrep -P "$(tmux -L "$TMUX_SOCK" list-panes -F '#{pane_pid}')" | head -1
}

ui_start
test_expect_success 'colours by default' '
	ui_wait "Day schedule" &&
	tmux -L "$TMUX_SOCK" capture-pane -e -p | python3 "$SRC_DIR/tests/ui/sgr.py" | grep_out colour
'
test_expect_success 'resize below 80x24 says so' '
	ui_wait "Day schedule" &&
	ui_resize 60 20 && ui_wait "The terminal is too small: 60x20; the desk needs 80x24."
'
test_expect_success 'and recovers when it grows back' '
	ui_resize 80 24 && ui_wait "Day schedule" && ui_wait "山田 花子" &&
	ui_wait_gone "too small"
'
test_expect_success 'a larger size redraws to fill it' '
	ui_resize 100 30 && ui_wait "Day schedule" &&
	ui_screen | head -1 | awk "{ exit !(length(\$0) > 0) }" &&
	ui_screen | grep "^Time" | python3 -c "import sys; l=sys.stdin.read(); sys.exit(0 if \"│\" in l else 1)"
'
test_expect_success 'SIGTERM ends the desk cleanly with the terminal restored' '
	pid=$(desk_pid) && [ -n "$pid" ] && kill -TERM "$pid" &&
	ui_wait "[exited 0]" && ui_wait_gone "Day schedule"
'
ui_stop
sleep 1

ui_start
test_expect_success 'SIGHUP too' '
	ui_wait "Day schedule" &&
	pid=$(desk_pid) && kill -HUP "$pid" && ui_wait "[exited 0]"
'
ui_stop
sleep 1

# A record written by another tool (check constraints off) with an
# escape sequence and a C1 control in it.
test_expect_success 'plant hostile text in an organization name' '
	sql "DROP TRIGGER audit_organization_update; DROP TRIGGER IF EXISTS text_ok_organization_update;
	     PRAGMA ignore_check_constraints = ON;
	     UPDATE organization SET name = '"'"'悪意'"'"' || char(27) || '"'"'[2Jclear'"'"' || char(155) || '"'"'x'"'"'
	     WHERE id = (SELECT org_id FROM appointment WHERE id = 34);" &&
	[ "$(sql "SELECT instr(name, char(27)) FROM organization WHERE name LIKE '"'"'悪意%'"'"'")" = 3 ]
'
ui_start
test_expect_success 'stored escapes show as visible placeholders' '
	ui_wait "悪意^[[2Jclear" &&
	ui_keys Right Right && ui_wait "悪意^[[2Jclear<U+009B" &&
	ui_screen | grep_out "山田 花子"
'
test_expect_success 'and in the organization list' '
	ui_keys O && ui_wait "Organizations:" && ui_wait "悪意^[[2Jclear" && ui_keys q &&
	ui_wait "[exited 0]"
'
ui_stop
sleep 1

mkdir -p "$XDG_CONFIG_HOME/madoguchi"
printf '%s\n' 'key.quit = Q' 'key.next = N' 'key.new_org = F2' >"$XDG_CONFIG_HOME/madoguchi/config"
UI_ENV="NO_COLOR=1"
ui_start
test_expect_success 'NO_COLOR: no colour at all, reverse video for the bars' '
	ui_wait "Day schedule" &&
	tmux -L "$TMUX_SOCK" capture-pane -e -p | python3 "$SRC_DIR/tests/ui/sgr.py" >"$TEST_DIR/sgr" &&
	grep_out mono <"$TEST_DIR/sgr" && grep_out reverse <"$TEST_DIR/sgr"
'
test_expect_success 'keys come from the config file (help shows them)' '
	ui_wait "Day schedule" && ui_screen | tail -1 | grep_out "Q Quit" &&
	ui_keys N && ui_wait "2026-11-25 (Wed)" &&
	ui_keys "?" && ui_wait "Keys of the Day" && ui_screen | grep "next day" | grep_out " N    " && ui_keys Escape &&
	ui_wait_gone "Keys of the Day" &&
	ui_keys q && sleep 0.5 && ui_screen | grep_out "Day schedule" &&
	ui_keys Q && ui_wait "[exited 0]"
'
ui_stop
test_done
