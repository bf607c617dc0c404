#ifndef MADO_RESOLVE_H
#define MADO_RESOLVE_H
/* What a person typed, turned into what it names: date words, times,
 * lengths, choices, organizations and staff by id, exact name or a
 * unique match.  The one place the screens and the command line share
 * for this, so the same text means the same thing everywhere.  Every
 * failure names the field key it belongs to (err.field), so a screen
 * puts it next to its field and the command line names its option.
 * Reads only; no terminal. */

#include <stdbool.h>
#include "core/appt.h"
#include "util/text.h"

/* YYYY-MM-DD (or YYYY/M/D), today, tomorrow, yesterday, +N, -N and the
 * Japanese 今日, 明日, 昨日; empty means today when empty_today. */
int resolve_date(const struct desk_ctx *d, const char *s, const char *key, bool empty_today,
		 int *day, struct err *e);
/* HH:MM (or H:MM), 00:00-23:59. */
int resolve_time(const char *s, const char *key, int *min, struct err *e);
/* A length of an appointment in minutes, 5-720. */
int resolve_minutes(const char *s, const char *key, int *minutes, struct err *e);
/* A positive record id, with or without '#'; what names the record in
 * the message ("appointment"). */
int resolve_id(const char *s, const char *key, const char *what, long long *id, struct err *e);
/* An organization by id (#12 or 12), exact name, or the one match of
 * a search on name or kana reading; several matches list them. */
int resolve_org(const struct desk_ctx *d, const char *s, const char *key, long long *id,
		struct err *e);
/* A staff member by id, exact name, or the one whose name or reading
 * contains s; several matches list them.  "" and "-" mean nobody
 * (id 0) when none_ok. */
int resolve_staff(const struct desk_ctx *d, const char *s, const char *key, bool none_ok,
		  long long *id, struct err *e);
/* One of a code table (code, English or Japanese name); the message
 * lists the codes. */
int resolve_choice(const char *const *codes, const char *const *ja, int n, const char *s,
		   const char *key, int *out, struct err *e);
/* Support menu topics: codes or names, separated by commas or 、
 * (repeated --topic options join with commas); "" is none. */
int resolve_topics(const char *s, const char *key, unsigned *bits, struct err *e);
/* The support menu, for pickers: the code of item i (0, 1, ...) and
 * its name (Japanese when ja) in *name; NULL past the end. */
const char *resolve_topic_menu(int i, bool ja, const char **name);
/* The topics as codes joined by sep ("meeting,plan"), or by names. */
void resolve_topics_str(unsigned bits, bool ja, const char *sep, struct strbuf *out);
/* The topics by their names, Japanese when ja, else English ("plan
 * drafting"), joined by sep: for screens and print. */
void resolve_topics_names(unsigned bits, bool ja, const char *sep, struct strbuf *out);
/* Whether a channel code (or name) is a visit, the channel with a room. */
bool resolve_channel_is_visit(const char *channel);

#endif
