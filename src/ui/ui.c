#include "ui/ui.h"

#include <stdio.h>
#include "app.h"

int ui_run(struct app *app)
{
	(void)app;
	fprintf(stderr, "madoguchi: the full-screen desk is not built yet\n");
	return 2;
}
