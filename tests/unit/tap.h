#ifndef MADO_TAP_H
#define MADO_TAP_H
/* Minimal TAP for unit tests: ok(cond, fmt, ...), is_int, is_str,
 * then done_testing() as the return value of main().  Run under prove. */

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

__attribute__((format(printf, 2, 3)))
__attribute__((unused)) static int ok(int cond, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", cond ? "" : "not ", ++tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!cond)
		tap_failed++;
	fflush(stdout);
	return cond;
}

#define is_int(got, want, ...) \
	(ok((long long)(got) == (long long)(want), __VA_ARGS__) || \
	 (printf("#   got: %lld\n#   expected: %lld\n", (long long)(got), (long long)(want)), 0))

#define is_str(got, want, ...) \
	(ok((got) && (want) && strcmp((got), (want)) == 0, __VA_ARGS__) || \
	 (printf("#   got: '%s'\n#   expected: '%s'\n", (got) ? (got) : "(null)", (want) ? (want) : "(null)"), 0))

__attribute__((format(printf, 1, 2)))
__attribute__((unused)) static void diag(const char *fmt, ...)
{
	va_list ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

__attribute__((unused)) static int done_testing(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
