#ifndef MADO_MEM_H
#define MADO_MEM_H
/* Allocation that never returns NULL: on out-of-memory it calls the
 * registered die hook (which restores the terminal) and exits 3.
 * Also a growable string buffer for building text and SQL-free output. */

#include <stddef.h>
#include <stdarg.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Called before exiting on a fatal error; the UI sets it to endwin(). */
extern void (*mem_die_hook)(void);
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

struct strbuf {
	char *buf;
	size_t len, cap;
};
#define STRBUF_INIT { NULL, 0, 0 }
void strbuf_add(struct strbuf *sb, const char *s, size_t n);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
void strbuf_reset(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
/* The text so far, never NULL. */
const char *strbuf_str(const struct strbuf *sb);

#endif
