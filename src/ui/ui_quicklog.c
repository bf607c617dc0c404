/* The quick-log: an inquiry logged while the caller is still on the
 * line, from any screen (L).  The form is forms/inquiry.form run by
 * the dialog module (received defaults to now, the organization is
 * searched as you type or created with F4); this file only decides
 * the organization to start with and tells the desk what was logged. */
#include "ui/ui_internal.h"

#include "db/db.h"
#include "ui/dialog.h"
#include "util/i18n.h"

long long ui_quicklog(struct ui *ui, long long org_id)
{
	long long id;

	if (!ui_writable(ui))
		return 0;
	/* on an organization's page, the call is from that organization */
	if (org_id <= 0 && ui->screen == SCR_ORG)
		org_id = ui->org_id;
	ui->dirty = true;
	id = ui_inquiry_dialog(ui->app, org_id > 0 ? org_id : 0);
	if (id) {
		ui_status(ui, false, _("Inquiry #%lld logged; i lists the inquiries"), id);
		ui->change_counter = db_change_counter(ui->app->db);
	} else {
		ui_status(ui, false, "%s", _("Nothing logged"));
	}
	ui->reload = true;
	return id;
}
