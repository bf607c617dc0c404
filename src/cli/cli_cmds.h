#ifndef MADO_CLI_CMDS_H
#define MADO_CLI_CMDS_H
/* Every command's entry point; the table is in cli.c. */

struct app;

int cli_init(struct app *app, int argc, char **argv);
int cli_demo(struct app *app, int argc, char **argv);
int cli_book(struct app *app, int argc, char **argv);
int cli_day(struct app *app, int argc, char **argv);
int cli_agenda(struct app *app, int argc, char **argv);
int cli_show(struct app *app, int argc, char **argv);
int cli_move(struct app *app, int argc, char **argv);
int cli_edit(struct app *app, int argc, char **argv);
int cli_cancel(struct app *app, int argc, char **argv);
int cli_done(struct app *app, int argc, char **argv);
int cli_noshow(struct app *app, int argc, char **argv);
int cli_rebook(struct app *app, int argc, char **argv);
int cli_org_cmd(struct app *app, int argc, char **argv);
int cli_staff_cmd(struct app *app, int argc, char **argv);
int cli_holidays(struct app *app, int argc, char **argv);
int cli_closed(struct app *app, int argc, char **argv);
int cli_inquiry(struct app *app, int argc, char **argv);
int cli_program(struct app *app, int argc, char **argv);
int cli_application(struct app *app, int argc, char **argv);
int cli_deadlines(struct app *app, int argc, char **argv);
int cli_report(struct app *app, int argc, char **argv);
int cli_backup(struct app *app, int argc, char **argv);
int cli_restore(struct app *app, int argc, char **argv);
int cli_retention(struct app *app, int argc, char **argv);
int cli_check(struct app *app, int argc, char **argv);
int cli_export(struct app *app, int argc, char **argv);
int cli_import(struct app *app, int argc, char **argv);
int cli_print(struct app *app, int argc, char **argv);
int cli_mail(struct app *app, int argc, char **argv);
int cli_remind(struct app *app, int argc, char **argv);
int cli_setup(struct app *app, int argc, char **argv);
int cli_whoami(struct app *app, int argc, char **argv);
int cli_audit(struct app *app, int argc, char **argv);
int cli_staff_link(struct app *app, int argc, char **argv);

#endif
