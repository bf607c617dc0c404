#include "export/zone.h"

#include <string.h>
#include <unicode/ucal.h>
#include <unicode/ustring.h>

int zone_windows_to_iana(const char *win, char *out, size_t outlen)
{
	UChar wid[128], id[128];
	UErrorCode st = U_ZERO_ERROR;
	int32_t n;

	if (!win || !*win || strlen(win) >= 120 || outlen == 0)
		return -1;
	u_strFromUTF8(wid, 128, &n, win, -1, &st);
	if (U_FAILURE(st))
		return -1;
	n = ucal_getTimeZoneIDForWindowsID(wid, n, NULL, id, 128, &st);
	if (U_FAILURE(st) || n <= 0)
		return -1;
	u_strToUTF8(out, (int32_t)outlen, NULL, id, n, &st);
	if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING)
		return -1;
	return 0;
}

int zone_canonical(const char *name, char *out, size_t outlen)
{
	UChar in[128], id[128];
	UErrorCode st = U_ZERO_ERROR;
	UBool sys = 0;
	int32_t n;

	if (!name || !*name || strlen(name) >= 120 || outlen == 0)
		return -1;
	u_strFromUTF8(in, 128, &n, name, -1, &st);
	if (U_FAILURE(st))
		return -1;
	n = ucal_getCanonicalTimeZoneID(in, n, id, 128, &sys, &st);
	if (U_FAILURE(st) || n <= 0 || !sys)
		return -1;
	u_strToUTF8(out, (int32_t)outlen, NULL, id, n, &st);
	if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING)
		return -1;
	return 0;
}
