#ifndef MADO_ZONE_H
#define MADO_ZONE_H
/* Windows time zone names ("Tokyo Standard Time", as Outlook and
 * Exchange write TZID) and old aliases ("US/Pacific") to IANA names, by
 * ICU's copy of CLDR's windowsZones and alias data; no table of our
 * own. */

#include <stddef.h>

/* 0 and the IANA name in out, or -1 when win is no Windows zone name. */
int zone_windows_to_iana(const char *win, char *out, size_t outlen);

/* 0 and the canonical IANA name of an alias ("US/Pacific" gives
 * "America/Los_Angeles"), or -1. */
int zone_canonical(const char *name, char *out, size_t outlen);

#endif
