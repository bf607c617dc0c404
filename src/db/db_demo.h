#ifndef MADO_DB_DEMO_H
#define MADO_DB_DEMO_H
/* Loads db/demo.sql (compiled in) in one transaction, with the open
 * days around today it places records on. */

#include "db/db.h"

/* days[i] gets n = first_n + i; now is "YYYY-MM-DDTHH:MM". */
int db_demo_load(struct db *db, const int *days, int n_days, int first_n, int today,
		 const char *now, struct err *e);

#endif
