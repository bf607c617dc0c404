#!/bin/sh
# The deadlines screen names the missing documents (issue 14, item
# 10): "form by e-mail", "papers by post", not the internal codes
# form_email and papers_post; in English and in Japanese.  The command
# line keeps the code one types to tick the item.
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup: a program closing this week, an application missing both documents' '
	mado init >/dev/null &&
	mado org add --name "小平市 地域包括ケア推進課" --kana "こだいら" --type municipality \
		--municipality 小平市 >/dev/null &&
	mado program add --name "地域づくり講座" --deadline 2026-11-27 >/dev/null &&
	mado application add --program 地域づくり講座 --org 小平市 --status consulting >/dev/null
'

test_expect_success 'the command line keeps the codes' '
	mado deadlines >out &&
	grep -qF "form_email missing" out
'

ui_start

test_expect_success 'the deadlines screen names the documents, the cursor row in full (whole screen)' '
	ui_wait "Help F1" && ui_keys E && ui_wait "Deadlines of the next" &&
	ui_keys Down && ui_wait "form by e-mail missing" &&
	ui_screen >actual &&
	cat >expect <<-\EOF &&
	 Desk  2026-11-24 (Tue)  Deadlines                  now 10:15  Menu F9  Help F1
	Deadlines of the next 92 days, and overdue follow-ups: 3
	  date           days desk  kind         what / who
	  2026-11-27 Fri    +3    +3  application  地域づくり講座           1 applicat…
	  2026-11-27 Fri    +3    +3  document     小平市 地域包括ケア推進… form by e-…
	  2026-11-27 Fri    +3    +3  document     小平市 地域包括ケア推進… papers by …














	2026-11-27 document: 小平市 地域包括ケア推進課 / form by e-mail missing
	(地域づくり講座, consulting)

	F1 Help F9 Menu q Back Enter Open i Inquiries P Programs
	EOF
	test_cmp expect actual &&
	ui_keys Down && ui_wait "papers by post missing"
'

test_expect_success 'no code in the side panel of the day screen either (120 columns)' '
	ui_keys q && ui_wait "Desk open" && ui_resize 120 40 &&
	ui_wait "Deadlines within 7 days" &&
	! ui_screen | grep -qF "form_email" && ! ui_screen | grep -qF "papers_post"
'
ui_stop

export LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8
TMUX_SOCK="$TMUX_SOCK-ja"
ui_start

test_expect_success 'in Japanese too' '
	ui_wait "F1" && ui_keys E && ui_keys Down && ui_wait "申込書（メール）" &&
	! ui_screen | grep -qF "form_email"
'
test_done
