/* Fuzz the form-definition reader: formdef_parse on any bytes, as a
 * base form and as a site's addition; the result must keep its limits
 * and its text must be safe to store and show. */
#include <stdlib.h>
#include <string.h>
#include "core/formdef.h"
#include "fuzz.h"
#include "util/text.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

static void check_str(const char *s)
{
	char msg[128];

	if (s)
		CHECK(text_check("f", s, TEXT_LINE, 0, msg, sizeof msg) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct formdef fd;
	struct err e = { 0 };
	bool site = size > 0 && (data[0] & 1);

	formdef_init(&fd);
	if (formdef_parse(&fd, (const char *)data, size, "fuzz.form", site, &e) == 0) {
		CHECK(fd.n <= FORMDEF_MAX_FIELDS);
		check_str(fd.title);
		for (size_t i = 0; i < fd.n; i++) {
			const struct formdef_field *f = &fd.fields[i];
			CHECK(f->name && f->label && f->type < FT_COUNT);
			check_str(f->name);
			check_str(f->label);
			check_str(f->help);
			CHECK(f->n_choices <= FORMDEF_MAX_CHOICES);
			CHECK(f->type != FT_CHOICE || f->n_choices > 0);
			for (size_t k = 0; k < f->n_choices; k++) {
				check_str(f->choices[k]);
				formdef_choice_label(f, k, true);
			}
			CHECK(formdef_field(&fd, f->name) != NULL);
		}
	} else {
		CHECK(e.msg[0]);
	}
	/* a second file on top of the first */
	formdef_parse(&fd, (const char *)data, size, "fuzz2.form", true, &e);
	formdef_release(&fd);
	return 0;
}
