#include "export/mail.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "core/desk.h"
#include "core/letter.h"
#include "core/resolve.h"
#include "db/db_appt.h"
#include "export/ical.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/jdate.h"
#include "util/text.h"
#include "mail_templates.h"

#define TEMPLATE_MAX (64 * 1024)

int mail_ready(const struct config *c, struct err *e)
{
	if (c->mail == CONFIG_MAIL_NEVER)
		return err_set_field(e, ERR_INPUT, "mail", _("mail is turned off (mail = never)"));
	if (!c->mail_command[0] || !c->mail_from[0])
		return err_set_field(e, ERR_INPUT, "mail",
				     _("mail is not set up: set mail_command and mail_from in the config"));
	return 0;
}

int mail_kind_for_status(enum appt_status st)
{
	if (st == ST_CANCELLED)
		return MAIL_CANCELLED;
	if (st == ST_BOOKED)
		return MAIL_BOOKED;
	return -1;
}

/* ---- the template ---- */

static const char *lang_of(const struct config *c)
{
	const char *l = config_get(c, "letter.lang");

	return l && !strcmp(l, "en") ? "en" : "ja";
}

static const char *builtin_template(enum mail_kind k, bool en)
{
	switch (k) {
	case MAIL_BOOKED: return en ? mail_booked_en[0] : mail_booked_ja[0];
	case MAIL_CHANGED: return en ? mail_changed_en[0] : mail_changed_ja[0];
	case MAIL_CANCELLED: return en ? mail_cancelled_en[0] : mail_cancelled_ja[0];
	default: return en ? mail_reminder_en[0] : mail_reminder_ja[0];
	}
}

/* Read a template file: 0 read, 1 not there, -1 unreadable or bad. */
static int read_template(const char *path, struct strbuf *out, struct err *e)
{
	struct stat st;
	char buf[4096];
	size_t got;
	FILE *f;

	if (stat(path, &st) < 0 || !S_ISREG(st.st_mode))
		return 1;
	if (st.st_size > TEMPLATE_MAX)
		return err_set_field(e, ERR_INPUT, "mail", _("%s: a letter template of more than 64 KiB"), path);
	if (!(f = fopen(path, "r")))
		return err_set_field(e, ERR_INPUT, "mail", _("cannot read %s: %s"), path, strerror(errno));
	while ((got = fread(buf, 1, sizeof buf, f)) > 0 && out->len < TEMPLATE_MAX)
		strbuf_add(out, buf, got);
	fclose(f);
	if (!text_utf8_valid(strbuf_str(out), out->len) || memchr(strbuf_str(out), 0, out->len))
		return err_set_field(e, ERR_INPUT, "mail", _("%s: not UTF-8 text"), path);
	return 0;
}

/* The site's template (config dir mail/KIND.txt or KIND.LANG.txt),
 * else the shipped one ($MADOGUCHI_SRC/mail, the data dir, built in). */
static int load_template(const struct config *c, enum mail_kind k, struct strbuf *out,
			 struct err *e)
{
	const char *kind = mail_kind_code[k], *lang = lang_of(c), *src = getenv("MADOGUCHI_SRC");
	char dir[1024], path[1200];
	int rc;

	config_dir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/mail/%s.%s.txt", dir, kind, lang);
	if ((rc = read_template(path, out, e)) <= 0)
		return rc;
	snprintf(path, sizeof path, "%s/mail/%s.txt", dir, kind);
	if ((rc = read_template(path, out, e)) <= 0)
		return rc;
	if (src && *src) {
		snprintf(path, sizeof path, "%s/mail/%s.%s.txt", src, kind, lang);
		if ((rc = read_template(path, out, e)) <= 0)
			return rc;
	}
#ifdef MADO_DATADIR
	snprintf(path, sizeof path, "%s/mail/%s.%s.txt", MADO_DATADIR, kind, lang);
	if ((rc = read_template(path, out, e)) <= 0)
		return rc;
#endif
	strbuf_adds(out, builtin_template(k, !strcmp(lang, "en")));
	return 0;
}

struct var {
	const char *name;
	char *value;
};

static void var_set(struct var *v, int *n, const char *name, const char *value)
{
	v[*n].name = name;
	v[*n].value = text_safe(value ? value : "");
	(*n)++;
}

/* Expand one line: {name} from vars; *all_empty tells whether it had
 * variables and every one of them was empty. */
static void expand_line(struct strbuf *out, const char *s, size_t n, const struct var *v, int nv,
			bool *all_empty)
{
	int seen = 0, filled = 0;

	for (size_t i = 0; i < n;) {
		if (s[i] == '{') {
			const char *end = memchr(s + i, '}', n - i);
			if (end) {
				size_t len = (size_t)(end - (s + i + 1));
				int k;
				for (k = 0; k < nv; k++)
					if (strlen(v[k].name) == len && !memcmp(v[k].name, s + i + 1, len))
						break;
				if (k < nv) {
					seen++;
					if (*v[k].value)
						filled++;
					strbuf_adds(out, v[k].value);
					i += len + 2;
					continue;
				}
			}
		}
		strbuf_add(out, s + i, 1);
		i++;
	}
	*all_empty = seen > 0 && filled == 0;
}

/* The template's text with the booking's values: "Subject: " on the
 * first line, [visit] and [phone] lines only for that channel, a line
 * whose variables are all empty left out. */
static void render(const char *tpl, const struct var *v, int nv, bool visit, struct strbuf *subject,
		   struct strbuf *body)
{
	const char *p = tpl;
	bool first = true, blank_after_subject = false;

	while (*p) {
		size_t n = strcspn(p, "\n");
		const char *next = p[n] ? p + n + 1 : p + n;
		bool empty;
		if (n && p[n - 1] == '\r')
			n--;
		if (first && n >= 8 && !strncasecmp(p, "Subject:", 8)) {
			const char *s = p + 8;
			size_t m = n - 8;
			while (m && (*s == ' ' || *s == '\t')) {
				s++;
				m--;
			}
			expand_line(subject, s, m, v, nv, &empty);
			first = false;
			blank_after_subject = true;
			p = next;
			continue;
		}
		first = false;
		if (blank_after_subject && n == 0) {	/* the blank line after the subject */
			blank_after_subject = false;
			p = next;
			continue;
		}
		blank_after_subject = false;
		if (n >= 7 && !strncmp(p, "[visit]", 7)) {
			if (!visit) {
				p = next;
				continue;
			}
			p += 7;
			n -= 7;
		} else if (n >= 7 && !strncmp(p, "[phone]", 7)) {
			if (visit) {
				p = next;
				continue;
			}
			p += 7;
			n -= 7;
		}
		size_t at = body->len;
		expand_line(body, p, n, v, nv, &empty);
		if (empty)
			body->len = at, body->buf[at] = '\0';
		else
			strbuf_adds(body, "\n");
		p = next;
	}
}

int mail_prepare(const struct desk_ctx *d, long long appt_id, enum mail_kind kind,
		 struct mail_letter *l, struct err *e)
{
	const struct config *c = d->cfg;
	bool en = !strcmp(lang_of(c), "en");
	struct strbuf tpl = STRBUF_INIT, subj = STRBUF_INIT, body = STRBUF_INIT, ics = STRBUF_INIT;
	struct strbuf topics = STRBUF_INIT;
	struct var v[24];
	int nv = 0, rc = -1;
	struct appt a;
	char date[JDATE_STRLEN], era[JDATE_STRLEN], t1[6], t2[6], num[32], mins[16];

	memset(l, 0, sizeof *l);
	if (db_appt_get(d->db, appt_id, &a, e) < 0)
		return -1;
	if (!text_email_ok(a.contact_email)) {
		err_set_field(e, ERR_INPUT, "email",
			      _("appointment #%lld: its contact has no usable e-mail address"), appt_id);
		rc = 1;
		goto cleanup;
	}
	if (load_template(c, kind, &tpl, e) < 0)
		goto cleanup;
	resolve_topics_names(a.topics, !en, en ? ", " : "・", &topics);
	snprintf(num, sizeof num, "%lld", a.id);
	snprintf(mins, sizeof mins, "%d", a.minutes);
	var_set(v, &nv, "id", num);
	var_set(v, &nv, "org", a.org_name);
	var_set(v, &nv, "contact", a.contact_name && *a.contact_name ? a.contact_name
				    : (en ? "Sir or Madam" : "ご担当者"));
	var_set(v, &nv, "date", en ? jdate_en(a.day, date, sizeof date) : jdate_ja(a.day, date, sizeof date));
	var_set(v, &nv, "date_era", en ? jdate_en(a.day, era, sizeof era) : jdate_ja_era(a.day, era, sizeof era));
	var_set(v, &nv, "start", time_format(a.start_min, t1));
	var_set(v, &nv, "end", time_format(a.start_min + a.minutes, t2));
	var_set(v, &nv, "minutes", mins);
	var_set(v, &nv, "channel", a.channel == CH_VISIT ? (en ? "visit to the desk" : "来所相談")
						: (en ? "phone consultation" : "電話相談"));
	var_set(v, &nv, "staff", a.staff_name);
	var_set(v, &nv, "room", a.channel == CH_VISIT ? a.room : "");
	var_set(v, &nv, "topics", strbuf_str(&topics));
	{	/* the place: the site's address and the room */
		struct strbuf place = STRBUF_INIT;
		const char *pl = config_get(c, "letter.place");
		if (pl && *pl)
			strbuf_adds(&place, pl);
		if (a.channel == CH_VISIT && a.room && *a.room)
			strbuf_addf(&place, place.len ? " %s" : "%s", a.room);
		var_set(v, &nv, "place", a.channel == CH_VISIT ? strbuf_str(&place) : "");
		strbuf_release(&place);
	}
	var_set(v, &nv, "access", a.channel == CH_VISIT ? config_get(c, "letter.access") : "");
	var_set(v, &nv, "bring", a.channel == CH_VISIT ? config_get(c, "letter.bring") : "");
	var_set(v, &nv, "desk", config_get(c, "letter.desk"));
	var_set(v, &nv, "desk_phone", config_get(c, "letter.phone"));
	var_set(v, &nv, "desk_email", c->mail_from);
	render(strbuf_str(&tpl), v, nv, a.channel == CH_VISIT, &subj, &body);
	if (!subj.len)
		strbuf_addf(&subj, en ? "Consultation #%lld" : "相談予約 #%lld", a.id);
	if (ical_invite(d, &a, kind == MAIL_CANCELLED, !en, c->mail_from, a.contact_email, &ics, e) < 0)
		goto cleanup;
	l->appt_id = a.id;
	l->kind = kind;
	l->sequence = a.sequence;
	l->to_addr = xstrdup(a.contact_email);
	l->subject = xstrdup(strbuf_str(&subj));
	l->body = xstrdup(strbuf_str(&body));
	{	/* kept with LF line ends (the schema's text rule); mail_message()
		 * puts CRLF back */
		struct strbuf lf = STRBUF_INIT;
		for (const char *p = strbuf_str(&ics); *p; p++)
			if (*p != '\r')
				strbuf_add(&lf, p, 1);
		l->ics = xstrdup(strbuf_str(&lf));
		strbuf_release(&lf);
	}
	l->status = MS_QUEUED;
	rc = 0;
cleanup:
	for (int i = 0; i < nv; i++)
		free(v[i].value);
	strbuf_release(&tpl);
	strbuf_release(&subj);
	strbuf_release(&body);
	strbuf_release(&ics);
	strbuf_release(&topics);
	appt_release(&a);
	return rc;
}

void mail_text(const struct mail_letter *l, struct strbuf *out)
{
	strbuf_addf(out, "Subject: %s\n\n%s", l->subject ? l->subject : "", l->body ? l->body : "");
}

int mail_parse_text(const char *text, char **subject, char **body, struct err *e)
{
	size_t n = strcspn(text, "\n");
	const char *s, *b;

	if (n < 8 || strncasecmp(text, "Subject:", 8))
		return err_set_field(e, ERR_INPUT, "mail", _("the letter must begin with a line 'Subject: ...'"));
	s = text + 8;
	while (*s == ' ' || *s == '\t')
		s++;
	b = text[n] ? text + n + 1 : text + n;
	if (*b == '\n')
		b++;
	if (!text_utf8_valid(text, strlen(text)))
		return err_set_field(e, ERR_INPUT, "mail", _("the letter is not UTF-8 text"));
	*subject = xstrndup(s, (size_t)(text + n - s));
	if (**subject && (*subject)[strlen(*subject) - 1] == '\r')
		(*subject)[strlen(*subject) - 1] = '\0';
	*body = xstrdup(b);
	return 0;
}

/* ---- the message ---- */

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void base64(struct strbuf *out, const unsigned char *s, size_t n, size_t line)
{
	size_t col = 0;

	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)s[i] << 16 | (i + 1 < n ? (unsigned)s[i + 1] << 8 : 0) |
			     (i + 2 < n ? s[i + 2] : 0);
		char q[4] = { b64[v >> 18 & 63], b64[v >> 12 & 63],
			      i + 1 < n ? b64[v >> 6 & 63] : '=', i + 2 < n ? b64[v & 63] : '=' };
		strbuf_add(out, q, 4);
		col += 4;
		if (line && col >= line && i + 3 < n) {
			strbuf_adds(out, "\r\n");
			col = 0;
		}
	}
}

/* A header's text as RFC 2047 encoded words (UTF-8, B) on lines of at
 * most 76 characters (the first begins at column col, after the
 * header's name), whole characters only, folded between words; plain
 * printable ASCII stays as it is (in a display name, phrase, only
 * without specials). */
static void header_words(struct strbuf *out, const char *s, size_t col, bool phrase)
{
	bool plain = true;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p >= 0x7f || (phrase && strchr("\"(),.:;<>@[\\]", *p)))
			plain = false;	/* (a display name: specials are encoded too) */
	if (plain && !strstr(s, "=?") && strlen(s) < 900) {
		strbuf_adds(out, s);
		return;
	}
	size_t n = strlen(s), i = 0;
	bool first = true;
	while (i < n) {
		/* 12 characters of frame; 4 of base64 for every 3 bytes */
		size_t room = 76 - (first ? col : 1) - 12, max = room / 4 * 3;
		size_t take = n - i > max ? max : n - i;
		while (take < n - i && take > 0 && ((unsigned char)s[i + take] & 0xC0) == 0x80)
			take--;
		if (take == 0)
			take = n - i > max ? max : n - i;
		/* a blank at the end of a word goes to the next one: some
		 * readers keep the folding blank after it too */
		if (take > 1 && i + take < n && s[i + take - 1] == ' ')
			take--;
		if (!first)
			strbuf_adds(out, "\r\n ");
		strbuf_adds(out, "=?UTF-8?B?");
		base64(out, (const unsigned char *)s + i, take, 0);
		strbuf_adds(out, "?=");
		i += take;
		first = false;
	}
}

/* text with every line ending CRLF */
static void crlf(struct strbuf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '\r')
			continue;
		if (*s == '\n')
			strbuf_adds(out, "\r\n");
		else
			strbuf_add(out, s, 1);
	}
}

void mail_message(const struct config *c, const struct mail_letter *l, time_t now,
		  struct strbuf *out)
{
	static const char *const wday[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	const char *desk = config_get(c, "letter.desk"), *domain = strchr(c->mail_from, '@');
	struct strbuf text = STRBUF_INIT;
	struct tm tm;
	long off;
	char boundary[64];
	bool cancel = l->kind == MAIL_CANCELLED;

	localtime_r(&now, &tm);
	off = tm.tm_gmtoff / 60;
	strbuf_addf(out, "Date: %s, %02d %s %04d %02d:%02d:%02d %c%02ld%02ld\r\n", wday[tm.tm_wday],
		    tm.tm_mday, mon[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec,
		    off < 0 ? '-' : '+', labs(off) / 60, labs(off) % 60);
	strbuf_adds(out, "From: ");
	if (desk && *desk) {
		header_words(out, desk, 6, true);
		strbuf_adds(out, "\r\n ");
	}
	strbuf_addf(out, "<%s>\r\n", c->mail_from);
	strbuf_addf(out, "To: <%s>\r\n", l->to_addr);
	strbuf_adds(out, "Subject: ");
	header_words(out, l->subject ? l->subject : "", 9, false);
	strbuf_adds(out, "\r\n");
	strbuf_addf(out, "Message-ID: <madoguchi.%lld.%lld.%d.%s.%ld@%s>\r\n", l->id, l->appt_id,
		    l->sequence, mail_kind_code[l->kind], (long)now, domain ? domain + 1 : "localhost");
	if (l->kind == MAIL_REMINDER)
		strbuf_adds(out, "Auto-Submitted: auto-generated\r\n");
	snprintf(boundary, sizeof boundary, "=_madoguchi_%lld_%ld", l->id, (long)now);
	strbuf_adds(out, "MIME-Version: 1.0\r\n");
	strbuf_addf(out, "Content-Type: multipart/mixed; boundary=\"%s\"\r\n\r\n", boundary);
	strbuf_addf(out, "--%s\r\n", boundary);
	strbuf_adds(out, "Content-Type: text/plain; charset=UTF-8\r\n"
			 "Content-Transfer-Encoding: base64\r\n\r\n");
	crlf(&text, l->body ? l->body : "");
	base64(out, (const unsigned char *)text.buf, text.len, 76);
	strbuf_addf(out, "\r\n--%s\r\n", boundary);
	strbuf_addf(out, "Content-Type: text/calendar; charset=UTF-8; method=%s; name=\"%s\"\r\n",
		    cancel ? "CANCEL" : "REQUEST", cancel ? "cancel.ics" : "invite.ics");
	strbuf_addf(out, "Content-Disposition: attachment; filename=\"%s\"\r\n",
		    cancel ? "cancel.ics" : "invite.ics");
	strbuf_adds(out, "Content-Transfer-Encoding: base64\r\n\r\n");
	strbuf_reset(&text);
	crlf(&text, l->ics ? l->ics : "");
	base64(out, (const unsigned char *)strbuf_str(&text), text.len, 76);
	strbuf_addf(out, "\r\n--%s--\r\n", boundary);
	strbuf_release(&text);
}

/* ---- sending ---- */

/* Drop a character cut in half at the end of s (after snprintf). */
static void utf8_trim(char *s)
{
	size_t n = strlen(s), i = n;

	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > 0 && (unsigned char)s[i - 1] >= 0xC0) {
		unsigned char c = (unsigned char)s[i - 1];
		size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
		if (n - (i - 1) < want)
			s[i - 1] = '\0';
	}
}

/* what the command said, cleaned, with the address taken out (messages
 * may reach a log) */
static void command_said(char *why, size_t len, const char *prefix, const struct strbuf *out,
			 const char *addr)
{
	struct strbuf sb = STRBUF_INIT;
	const char *s = strbuf_str(out), *hit;
	size_t n = strcspn(s, "\n");
	char *line = xstrndup(s, n > 300 ? 300 : n), *safe;

	while (addr && *addr && (hit = strstr(line, addr))) {
		strbuf_reset(&sb);
		strbuf_add(&sb, line, (size_t)(hit - line));
		strbuf_adds(&sb, "<contact>");
		strbuf_adds(&sb, hit + strlen(addr));
		free(line);
		line = xstrdup(strbuf_str(&sb));
	}
	safe = text_safe(line);
	snprintf(why, len, "%s%s%s", prefix, *safe ? ": " : "", safe);
	utf8_trim(why);
	free(safe);
	free(line);
	strbuf_release(&sb);
}

/* Pipe msg to sh -c cmd; 0 when it exits 0, else -1 with why. */
static int pipe_to(const char *cmd, int timeout, const struct strbuf *msg, const char *addr,
		   char *why, size_t len)
{
	FILE *log = tmpfile();
	int fds[2], st = -1, devnull;
	struct strbuf out = STRBUF_INIT;
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;
	pid_t pid;

	if (!log || pipe(fds) < 0) {
		snprintf(why, len, _("cannot run the mail command: %s"), strerror(errno));
		if (log)
			fclose(log);
		return -1;
	}
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		setpgid(0, 0);	/* its own group: a timeout ends what it started too */
		close(fds[1]);
		devnull = fileno(log);
		if (dup2(fds[0], 0) < 0 || dup2(devnull, 1) < 0 || dup2(devnull, 2) < 0)
			_exit(126);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(fds[0]);
	if (pid > 0)
		setpgid(pid, pid);
	if (pid < 0) {
		close(fds[1]);
		fclose(log);
		snprintf(why, len, _("cannot run the mail command: %s"), strerror(errno));
		return -1;
	}
	sigaction(SIGPIPE, &ign, &old);
	for (size_t off = 0; off < msg->len;) {
		ssize_t w = write(fds[1], msg->buf + off, msg->len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	close(fds[1]);
	/* a mail server that never answers must not hang the desk: the
	 * command gets mail_timeout seconds, then it is ended */
	bool timed_out = false;
	for (int waited = 0;; waited += 50) {
		pid_t r = waitpid(pid, &st, WNOHANG);
		if (r == pid)
			break;
		if (r < 0 && errno != EINTR) {
			st = -1;
			break;
		}
		if (waited >= timeout * 1000) {
			kill(-pid, SIGKILL);
			kill(pid, SIGKILL);
			while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
				;
			timed_out = true;
			break;
		}
		nanosleep(&(struct timespec){ 0, 50 * 1000 * 1000 }, NULL);
	}
	sigaction(SIGPIPE, &old, NULL);
	{
		char buf[4096];
		size_t got;
		rewind(log);
		while (out.len < 65536 && (got = fread(buf, 1, sizeof buf, log)) > 0)
			strbuf_add(&out, buf, got);
		fclose(log);
	}
	if (st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0) {
		strbuf_release(&out);
		return 0;
	}
	char prefix[300];
	if (timed_out)
		snprintf(prefix, sizeof prefix, _("the mail command did not finish in %d seconds"),
			 timeout);
	else if (st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 127)
		snprintf(prefix, sizeof prefix, _("the mail command was not found"));
	else if (st != -1 && WIFEXITED(st))
		snprintf(prefix, sizeof prefix, _("the mail command failed (exit %d)"), WEXITSTATUS(st));
	else
		snprintf(prefix, sizeof prefix, _("the mail command did not finish"));
	command_said(why, len, prefix, &out, addr);
	strbuf_release(&out);
	return -1;
}

/* Send the recorded letter l (status queued): claim it, check it is
 * still the booking's current version, pipe it, record the outcome. */
static int send_recorded(const struct desk_ctx *d, struct mail_letter *l, struct err *e)
{
	struct strbuf msg = STRBUF_INIT;
	char why[600];
	int rc = letter_claim(d, l, e);

	if (rc != LETTER_TAKEN)
		return rc < 0 ? -1 : rc == LETTER_GONE ? MAIL_ALREADY : MAIL_STALE;
	mail_message(d->cfg, l, clock_epoch(d->clock), &msg);
	rc = pipe_to(d->cfg->mail_command, d->cfg->mail_timeout, &msg, l->to_addr, why, sizeof why);
	strbuf_release(&msg);
	if (rc == 0) {
		if (letter_finish(d, l->id, MS_SENT, NULL, e) < 0)
			return -1;
		l->status = MS_SENT;
		return MAIL_SENT;
	}
	if (letter_finish(d, l->id, MS_QUEUED, why, e) < 0)
		return -1;
	l->status = MS_QUEUED;
	err_set_field(e, ERR_UNAVAILABLE, "mail", _("the letter is queued (%s); 'madoguchi mail retry' sends it"),
		      why);
	return MAIL_QUEUED;
}

int mail_send(const struct desk_ctx *d, struct mail_letter *l, struct err *e)
{
	struct mail_letter old;
	int rc;

	if (mail_ready(d->cfg, e) < 0)
		return -1;
	rc = db_mail_find(d->db, l->appt_id, l->sequence, l->kind, &old, e);
	if (rc < 0)
		return -1;
	if (rc == 0) {	/* written before: sent, given up, or waiting */
		if (old.status == MS_FAILED) {
			err_set_field(e, ERR_RULE, "mail", "%s", old.error ? old.error : _("not sent"));
			mail_letter_release(&old);
			return MAIL_STALE;
		}
		if (old.status != MS_QUEUED) {
			mail_letter_release(&old);
			return MAIL_ALREADY;
		}
		rc = send_recorded(d, &old, e);
		mail_letter_release(&old);
		return rc;
	}
	if (letter_record(d, l, e) < 0)
		return e->code == ERR_RULE ? MAIL_ALREADY : -1;
	return send_recorded(d, l, e);
}

/* The queued letters, copied (sending changes the rows being read). */
struct queue {
	struct mail_letter *v;
	size_t n;
};

static int collect(const struct mail_letter *l, void *arg)
{
	struct queue *q = arg;
	struct mail_letter *c;

	q->v = xrealloc(q->v, (q->n + 1) * sizeof *q->v);
	c = &q->v[q->n++];
	memset(c, 0, sizeof *c);
	c->id = l->id;
	c->appt_id = l->appt_id;
	c->kind = l->kind;
	c->sequence = l->sequence;
	c->to_addr = xstrdup(l->to_addr);
	c->subject = xstrdup(l->subject);
	c->body = xstrdup(l->body);
	c->ics = xstrdup(l->ics);
	c->status = l->status;
	return 0;
}

/* One letter of a run over several (retry, remind): count it when it
 * went, report it unless it had gone before; -1 (with e) only when the
 * database failed, which ends the run. */
static int tally(int out, const struct mail_letter *l, const struct err *le,
		 void (*report)(const struct mail_letter *l, int outcome, const struct err *e,
				void *arg),
		 void *arg, int *sent, struct err *e)
{
	if (out < 0 && le->code == ERR_DB) {
		*e = *le;
		return -1;
	}
	if (out == MAIL_SENT)
		(*sent)++;
	if (report && out != MAIL_ALREADY)
		report(l, out, le, arg);
	return 0;
}

int mail_retry(const struct desk_ctx *d,
	       void (*report)(const struct mail_letter *l, int outcome, const struct err *e,
			      void *arg),
	       void *arg, struct err *e)
{
	struct queue q = { NULL, 0 };
	int sent = 0, rc = 0;

	if (mail_ready(d->cfg, e) < 0)
		return -1;
	/* letters a killed run left half-sent: longer ago than any send
	 * may take (mail_timeout is at most 10 minutes) */
	if (letter_requeue_stuck(d, 15, e) < 0)
		return -1;
	if (db_mail_each(d->db, 0, MS_QUEUED, collect, &q, e) < 0)
		rc = -1;
	for (size_t i = 0; i < q.n && rc == 0; i++) {
		/* one another desk sent meanwhile is not claimed (MAIL_ALREADY) */
		struct err le = { 0 };
		rc = tally(send_recorded(d, &q.v[i], &le), &q.v[i], &le, report, arg, &sent, e);
	}
	for (size_t i = 0; i < q.n; i++)
		mail_letter_release(&q.v[i]);
	free(q.v);
	return rc < 0 ? -1 : sent;
}

struct remind_ctx {
	long long *ids;
	size_t n;
};

static int collect_visit(const struct appt *a, void *arg)
{
	struct remind_ctx *r = arg;

	if (a->status != ST_BOOKED || a->channel != CH_VISIT || !a->contact_email ||
	    !*a->contact_email)
		return 0;
	r->ids = xrealloc(r->ids, (r->n + 1) * sizeof *r->ids);
	r->ids[r->n++] = a->id;
	return 0;
}

int mail_remind(const struct desk_ctx *d, int *day,
		void (*report)(const struct mail_letter *l, int outcome, const struct err *e,
			       void *arg),
		void *arg, struct err *e)
{
	struct remind_ctx r = { NULL, 0 };
	struct appt_filter f;
	int next = clock_today(d->clock) + 1, sent = 0, rc = 0;

	if (mail_ready(d->cfg, e) < 0)
		return -1;
	for (int i = 0; i < 60; i++, next++) {
		struct desk_status ds;
		if (desk_day_status(d->cfg, d->db, next, &ds) == DESK_OPEN)
			break;
	}
	*day = next;
	appt_filter_init(&f);
	f.from_day = f.to_day = next;
	if (db_appt_each(d->db, &f, collect_visit, &r, e) < 0)
		return -1;
	for (size_t i = 0; i < r.n; i++) {
		struct mail_letter l;
		struct err le = { 0 };
		int out = mail_prepare(d, r.ids[i], MAIL_REMINDER, &l, &le);
		if (out == 0)
			rc = tally(mail_send(d, &l, &le), &l, &le, report, arg, &sent, e);
		mail_letter_release(&l);
		if (rc < 0)
			break;
	}
	free(r.ids);
	return rc < 0 ? -1 : sent;
}
