#ifndef MADO_DEMO_H
#define MADO_DEMO_H
/* The demo desk of `madoguchi demo` and `make run`: the seed documents'
 * organizations and programs, and appointments and inquiries placed on
 * the open desk days around today. */

#include "core/appt.h"

/* Fill an empty database; refuses one that already holds records. */
int demo_fill(const struct desk_ctx *d, struct err *e);

#endif
