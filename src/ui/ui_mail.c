#include "ui/ui_mail.h"

#include <curses.h>
#include <errno.h>
#include <panel.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "app.h"
#include "export/mail.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/ui_internal.h"
#include "util/i18n.h"
#include "util/text.h"

/* Open the letter's text in the clerk's editor; read it back into l.
 * 0, or -1 with why in e. */
static int edit_letter(struct mail_letter *l, struct err *e)
{
	const char *ed = getenv("VISUAL"), *tmpdir = getenv("TMPDIR");
	struct strbuf text = STRBUF_INIT;
	char path[1024], *subject = NULL, *body = NULL;
	int fd, st = -1, rc = -1;
	FILE *f;

	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
	snprintf(path, sizeof path, "%s/madoguchi-letter-XXXXXX.txt",
		 tmpdir && *tmpdir ? tmpdir : "/tmp");
	if ((fd = mkstemps(path, 4)) < 0)	/* 0600: the letter holds personal data */
		return err_set(e, ERR_INPUT, _("cannot write %s: %s"), path, strerror(errno));
	mail_text(l, &text);
	if (write(fd, text.buf, text.len) != (ssize_t)text.len) {
		err_set(e, ERR_INPUT, _("cannot write %s: %s"), path, strerror(errno));
		close(fd);
		goto cleanup;
	}
	close(fd);
	def_prog_mode();
	endwin();
	pid_t pid = fork();
	if (pid == 0) {
		/* $1 unquoted: an editor setting may carry options */
		execl("/bin/sh", "sh", "-c", "exec $1 \"$2\"", "sh", ed, path, (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
			;
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	if (pid < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		err_set(e, ERR_INPUT, _("the editor failed; the letter is as it was"));
		goto cleanup;
	}
	strbuf_reset(&text);
	if (!(f = fopen(path, "r"))) {
		err_set(e, ERR_INPUT, _("cannot read %s: %s"), path, strerror(errno));
		goto cleanup;
	}
	char buf[4096];
	size_t got;
	while ((got = fread(buf, 1, sizeof buf, f)) > 0 && text.len < 100000)
		strbuf_add(&text, buf, got);
	fclose(f);
	if (memchr(strbuf_str(&text), 0, text.len)) {
		err_set(e, ERR_INPUT, _("the letter is not UTF-8 text"));
		goto cleanup;
	}
	if (mail_parse_text(strbuf_str(&text), &subject, &body, e) < 0)
		goto cleanup;
	free(l->subject);
	free(l->body);
	l->subject = subject;
	l->body = body;
	subject = body = NULL;
	rc = 0;
cleanup:
	unlink(path);
	free(subject);
	free(body);
	strbuf_release(&text);
	return rc;
}

enum { PV_SEND, PV_EDIT, PV_SKIP };

/* The letter in a window: 1 send, 0 don't, 2 edit. */
static int preview(struct mail_letter *l)
{
	int top = 0;

	for (;;) {
		int w = COLS - 2 < 78 ? COLS - 2 : 78, inner = w - 4;
		char **lines, title[128];
		size_t n = text_wrap(l->body ? l->body : "", inner < 4 ? 4 : inner, &lines);
		int h = (int)n + 7 > LINES - 1 ? LINES - 1 : (int)n + 7, rows = h - 7;
		PANEL *p;
		WINDOW *win = form_popup_win(h, w, &p);

		if (!win) {
			text_lines_free(lines);
			return PV_SKIP;
		}
		if (top > (int)n - rows)
			top = (int)n - rows;
		if (top < 0)
			top = 0;
		curs_set(0);
		snprintf(title, sizeof title, _("Letter to the contact: booking #%lld"), l->appt_id);
		draw_box_title(win, title, draw_attr(UC_TITLE));
		draw_textf(win, 1, 2, inner, draw_attr(UC_NORMAL), true, _("To: %s"), l->to_addr);
		draw_textf(win, 2, 2, inner, draw_attr(UC_NORMAL), true, _("Subject: %s"), l->subject);
		for (int i = 0; i < rows; i++)
			draw_text(win, 4 + i, 2, inner, top + i < (int)n ? lines[top + i] : "",
				  draw_attr(UC_NORMAL), true);
		draw_text(win, h - 2, 2, inner,
			  (int)n > rows ? _("s: send   e: edit   n or Esc: don't send   Up/Down: scroll")
					: _("s: send   e: edit   n or Esc: don't send"),
			  draw_attr(UC_FOOTER), true);
		text_lines_free(lines);
		update_panels();
		doupdate();
		wint_t wc;
		int r = ui_dialog_key(win, &wc);
		form_popup_end(win, p);
		if (r < 0)
			return PV_SKIP;
		if (r == KEY_CODE_YES) {
			if (wc == KEY_DOWN)
				top++;
			else if (wc == KEY_UP)
				top--;
			else if (wc == KEY_NPAGE)
				top += rows;
			else if (wc == KEY_PPAGE)
				top -= rows;
			continue;
		}
		if (wc == 's' || wc == 'S')
			return PV_SEND;
		if (wc == 'e' || wc == 'E')
			return PV_EDIT;
		if (wc == 'n' || wc == 'N' || wc == 27)
			return PV_SKIP;
	}
}

void ui_mail_offer(struct app *app, long long id, int kind, char *msg, size_t n)
{
	struct mail_letter l = { 0 };
	struct err e = { 0 };
	int rc;

	if (msg && n)
		msg[0] = '\0';
	if (kind < 0 || app->cfg.mail == CONFIG_MAIL_NEVER || mail_ready(&app->cfg, &e) < 0 ||
	    db_readonly(app->db))
		return;
	if (mail_prepare(&app->desk, id, kind, &l, &e) != 0) {
		if (e.code != ERR_INPUT || strcmp(e.field, "email"))	/* no address: nothing to offer */
			ui_message(app, _("Letter"), e.msg);
		mail_letter_release(&l);
		return;
	}
	if (app->cfg.mail == CONFIG_MAIL_ASK) {
		for (;;) {
			int choice = preview(&l);
			if (choice == PV_SKIP) {
				if (msg && n)
					snprintf(msg, n, "%s", _("no letter sent"));
				mail_letter_release(&l);
				return;
			}
			if (choice == PV_SEND)
				break;
			if (edit_letter(&l, &e) < 0)
				ui_message(app, _("Letter"), e.msg);
		}
	}
	rc = mail_send(&app->desk, &l, &e);
	if (rc == MAIL_SENT) {
		if (msg && n)
			snprintf(msg, n, "%s", _("letter sent"));
	} else if (rc == MAIL_ALREADY) {
		if (msg && n)
			snprintf(msg, n, "%s", _("letter sent before, not again"));
	} else {
		ui_message(app, _("Letter not sent"), e.msg);
		if (msg && n)
			snprintf(msg, n, "%s", rc == MAIL_QUEUED ? _("letter queued") : _("no letter sent"));
	}
	mail_letter_release(&l);
}

void ui_mail_mark(struct app *app, long long id, struct strbuf *sb)
{
	struct err e;
	int st = db_mail_last_status(app->db, id, &e);

	if (st < 0)
		return;
	strbuf_addf(sb, " [%s]", st == MS_SENT ? _("letter sent")
			       : st == MS_FAILED ? _("letter not sent") : _("letter queued"));
}
