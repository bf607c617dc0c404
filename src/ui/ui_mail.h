#ifndef MADO_UI_MAIL_H
#define MADO_UI_MAIL_H
/* The letter after a booking operation on the screen: when mail is on
 * and set up and the booking's contact has an address, mail = ask shows
 * the letter (s send, e edit in $VISUAL/$EDITOR, n don't send) and
 * mail = always sends it at once.  A failed send is explained in a
 * message; the letter stays queued (export/mail.h). */

#include <stddef.h>

struct app;

/* kind: enum mail_kind, or -1 for none.  msg (n bytes, may be NULL)
 * gets a short outcome for the status line, "" when nothing was
 * offered. */
void ui_mail_offer(struct app *app, long long id, int kind, char *msg, size_t n);

/* The last letter of appointment id as a short mark for a detail line
 * (" [letter sent]", " [letter queued]"); nothing when none. */
struct strbuf;
void ui_mail_mark(struct app *app, long long id, struct strbuf *sb);

#endif
