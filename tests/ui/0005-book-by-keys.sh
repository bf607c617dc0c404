#!/bin/sh
# Book a walk-in for a Japanese organization with a Japanese note by
# keys, see it on screen and in the database, move it, cancel it; a
# second desk filling the same slot meanwhile is refused, naming it.
. "$(dirname "$0")/../lib.sh"

test_expect_success 'demo desk' 'mado demo >/dev/null'

# A second desk in its own tmux server on the same database.
SOCK_B="$TMUX_SOCK-b"
b_keys() { tmux -L "$SOCK_B" send-keys "$@"; }
b_type() { tmux -L "$SOCK_B" send-keys -l "$1"; }
b_screen() { tmux -L "$SOCK_B" capture-pane -p; }
b_wait() {
	end=$(( $(date +%s) + 10 ))
	until b_screen | grep -qF -- "$1"; do
		[ "$(date +%s)" -ge "$end" ] && { echo "desk B timed out: $1"; b_screen; return 1; }
		sleep 0.1
	done
}
trap 'tmux -L "$SOCK_B" kill-server 2>/dev/null; cleanup' EXIT

# Right cycles the room choice until the wanted one shows.
pick_room() {
	for i in 1 2 3 4 5; do
		ui_screen | grep -qF "< $1 >" && return 0
		ui_keys Right && sleep 0.3
	done
	ui_wait "< $1 >"
}

ui_start
tmux -L "$SOCK_B" -f /dev/null new-session -d -x 80 -y 24 \
	"env LANG=$LANG LC_ALL=$LC_ALL TZ=$TZ TERM=tmux-256color HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' XDG_DATA_HOME='$XDG_DATA_HOME' MADOGUCHI_DB='$MADOGUCHI_DB' MADOGUCHI_NOW='$MADOGUCHI_NOW' MADOGUCHI_SRC='$MADOGUCHI_SRC' MADOGUCHI_LOCALEDIR='$MADOGUCHI_LOCALEDIR' ASAN_OPTIONS='$ASAN_OPTIONS' UBSAN_OPTIONS='$UBSAN_OPTIONS' USER=other '$MADOGUCHI_BIN' 2>'$TEST_DIR/b-stderr'; echo \"[exited \$?]\"; sleep 30"

test_expect_success 'both desks show today' '
	ui_wait "2026-11-24 (Tue)" && b_wait "2026-11-24 (Tue)"
'
test_expect_success 'desk B opens the 13:00 slot of 佐藤 健 and fills it, unsaved' '
	b_keys j j j j j j && b_wait "Free slot 13:00 佐藤 健" && b_keys b && b_wait "Organization" &&
	b_type "かぜの" && b_wait "NPO法人 風のやすみば" && b_keys Enter && b_wait "✓"
'
test_expect_success 'desk A: b on the free 13:00 slot of 佐藤 健 opens the form prefilled' '
	ui_keys j j j j j j && ui_wait "Free slot 13:00 佐藤 健" && ui_keys b &&
	ui_wait "Organization" && ui_wait "2026-11-24" && ui_wait "13:00" && ui_wait "< 佐藤 健 >"
'
test_expect_success 'a walk-in for 太壱みまもりネットワーク with a Japanese note, by keys' '
	ui_keys BTab BTab Right && ui_wait "< Visit >" &&
	ui_keys Tab Tab && ui_type "たいち" && ui_wait "太壱みまもりネットワーク (たいち" &&
	ui_keys Enter && ui_wait "✓" && ui_keys Tab && ui_type "中村 花子" && ui_wait "中村 花子" &&
	ui_keys Tab Tab Tab && ui_wait "Left/Right: the room" && pick_room 相談室A &&
	ui_keys Tab Space && ui_wait "[x]" &&
	ui_keys Tab && ui_type "資料持参・駐車場なし" && ui_wait "資料持参・駐車場なし" &&
	ui_keys F2 && ui_wait "Day schedule" && ui_wait "Booked #"
'
test_expect_success 'it is on screen' '
	ui_screen | grep "^13:00" | grep_out "│*Vi 太壱みまもりネット" &&
	ui_wait "Vi #70 太壱みまもりネットワーク / 中村 花子"
'
test_expect_success 'and in the database' '
	[ "$(sql "SELECT a.date, a.start_min, a.channel, a.room, o.name, c.name, s.name, a.note, a.status
		FROM appointment a JOIN organization o ON o.id = a.org_id
		LEFT JOIN contact c ON c.id = a.contact_id JOIN staff s ON s.id = a.staff_id
		WHERE a.id = 70")" = "2026-11-24|780|visit|相談室A|太壱みまもりネットワーク|中村 花子|佐藤 健|資料持参・駐車場なし|booked" ] &&
	[ "$(sql "SELECT topic FROM appointment_topic WHERE appt_id = 70")" = meeting ]
'
test_expect_success 'desk B saving the same slot is refused, naming the first booking' '
	b_keys F2 && b_wait "already booked then: #70 2026-11-24" &&
	b_wait "13:00-13:30 太壱みまもりネットワーク"
'
test_expect_success 'desk B was refused: nothing of its own was stored' '
	[ "$(sql "SELECT count(*) FROM appointment WHERE date = '"'"'2026-11-24'"'"' AND start_min = 780")" = 1 ]
'
test_expect_success 'desk B cancels its form and sees the booking' '
	b_keys Escape && sleep 0.3 && b_screen | grep -q "Discard" && b_keys y; b_wait "Day schedule" &&
	b_wait "*Vi 太壱みまもりネット"
'
test_expect_success 'desk A moves it to 15:30 (M, j j j j j, Enter)' '
	ui_keys M && ui_wait "Moving #70 13:00" && ui_keys j j j j j && ui_wait "Free slot 15:30" &&
	ui_keys Enter && ui_wait "#70 moved" &&
	[ "$(sql "SELECT start_min, room FROM appointment WHERE id = 70")" = "930|相談室A" ] &&
	ui_screen | grep "^15:30" | grep_out "太壱みまもりネット"
'
test_expect_success 'desk B follows without a keypress' '
	b_wait "15:30│*Vi 太壱みまもりネット"
'
test_expect_success 'desk A cancels it with confirmation' '
	ui_keys c && ui_wait "Cancel booking #70, 2026-11-24 15:30-16:00" && ui_keys y && ui_wait "#70 cancelled" &&
	[ "$(sql "SELECT status FROM appointment WHERE id = 70")" = cancelled ]
'
test_expect_success 'both desks quit cleanly' '
	ui_keys q && ui_wait "[exited 0]" && b_keys q && b_wait "[exited 0]" &&
	! grep -q . "$TEST_DIR/b-stderr"
'
ui_stop
test_done
