#include "export/zone.h"

#include <string.h>
#include <unicode/ucal.h>
#include <unicode/ustring.h>

/* s as UTF-16 in buf (cap units): its length, or -1. */
static int32_t to_u16(const char *s, UChar *buf, int32_t cap)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n;

	if (!s || !*s || strlen(s) >= (size_t)cap - 8)
		return -1;
	u_strFromUTF8(buf, cap, &n, s, -1, &st);
	return U_FAILURE(st) ? -1 : n;
}

/* id (n units) as UTF-8 in out: 0, or -1 when it does not fit. */
static int to_utf8(const UChar *id, int32_t n, char *out, size_t outlen)
{
	UErrorCode st = U_ZERO_ERROR;

	if (n <= 0 || outlen == 0)
		return -1;
	u_strToUTF8(out, (int32_t)outlen, NULL, id, n, &st);
	return U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING ? -1 : 0;
}

int zone_windows_to_iana(const char *win, char *out, size_t outlen)
{
	UChar wid[128], id[128];
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = to_u16(win, wid, 128);

	if (n < 0)
		return -1;
	n = ucal_getTimeZoneIDForWindowsID(wid, n, NULL, id, 128, &st);
	return U_FAILURE(st) ? -1 : to_utf8(id, n, out, outlen);
}

int zone_canonical(const char *name, char *out, size_t outlen)
{
	UChar in[128], id[128];
	UErrorCode st = U_ZERO_ERROR;
	UBool sys = 0;
	int32_t n = to_u16(name, in, 128);

	if (n < 0)
		return -1;
	n = ucal_getCanonicalTimeZoneID(in, n, id, 128, &sys, &st);
	return U_FAILURE(st) || !sys ? -1 : to_utf8(id, n, out, outlen);
}
