/* Fuzz the config reader: config_parse on any bytes; afterwards the
 * settings must hold their documented ranges. */
#include <stdlib.h>
#include "core/config.h"
#include "fuzz.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config c;
	struct err e = { 0 };

	config_defaults(&c);
	if (config_parse(&c, (const char *)data, size, "fuzz", &e) == 0) {
		CHECK(c.open_min >= 0 && c.open_min < c.close_min && c.close_min <= 24 * 60);
		CHECK(c.slot >= 5 && c.slot <= 240);
		CHECK(c.n_closed >= 0 && c.n_closed <= CONFIG_MAX_CLOSED);
		CHECK(c.retention_days >= 0);
		for (int m = 1; m <= 12; m++)
			config_closed_on(&c, m, 15);
	} else {
		CHECK(e.msg[0]);
	}
	config_release(&c);
	return 0;
}
