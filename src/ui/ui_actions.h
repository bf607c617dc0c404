#ifndef MADO_UI_ACTIONS_H
#define MADO_UI_ACTIONS_H
/* The one list of the desk's actions (tig's REQ_INFO in request.h):
 * from it come the enum, the config names (key.<name>), the default
 * keys, the footer labels, the help lines and the menu bar, so that the
 * help, the menu, the footer and the key map cannot disagree.
 *
 *   X(ID, name, default keys, label, help, menu, where)
 *
 * menu: the menu-bar entry it is listed under (in this order), or
 * M_NONE.  where: A_SCREEN works where a screen lists it, A_ALL on
 * every screen (its F1 list shows it everywhere), A_FORM inside a form.
 * Labels and help are N_() strings, translated where shown. */

enum ui_menu_id { M_NONE, M_DESK, M_VIEW, M_BOOKING, M_LISTS, M_INQUIRIES, M_HELP, M_COUNT };
enum ui_action_where { A_SCREEN, A_ALL, A_FORM };

#define UI_ACTIONS(X) \
	X(UP, "up", "Up k", N_("Up"), N_("move up (earlier slot, previous row)"), M_NONE, A_SCREEN) \
	X(DOWN, "down", "Down j", N_("Down"), N_("move down (later slot, next row)"), M_NONE, A_SCREEN) \
	X(LEFT, "left", "Left h", N_("Left"), N_("move left (previous staff column or day)"), M_NONE, A_SCREEN) \
	X(RIGHT, "right", "Right l", N_("Right"), N_("move right (next staff column or day)"), M_NONE, A_SCREEN) \
	X(PAGE_UP, "page_up", "PgUp", N_("PgUp"), N_("one page up"), M_NONE, A_SCREEN) \
	X(PAGE_DOWN, "page_down", "PgDn", N_("PgDn"), N_("one page down"), M_NONE, A_SCREEN) \
	X(FIRST, "first", "Home", N_("First"), N_("go to the first row"), M_NONE, A_SCREEN) \
	X(LAST, "last", "End", N_("Last"), N_("go to the last row"), M_NONE, A_SCREEN) \
	X(TODAY, "today", "t", N_("Today"), N_("today's schedule"), M_DESK, A_ALL) \
	X(GOTO, "goto", "g", N_("Go to"), N_("go to a date (YYYY-MM-DD, today, +N)"), M_DESK, A_ALL) \
	X(NEXT, "next", "n ]", N_("Next"), N_("next day (week, month in those views)"), M_DESK, A_SCREEN) \
	X(PREV, "prev", "p [", N_("Prev"), N_("previous day (week, month in those views)"), M_DESK, A_SCREEN) \
	X(PRINT, "print", "C-p", N_("Print"), N_("print the daily schedule of the day shown"), M_DESK, A_ALL) \
	X(EXPORT, "export", "X", N_("Export"), N_("export the calendar to an .ics file"), M_DESK, A_ALL) \
	X(IMPORT, "import", "I", N_("Import"), N_("import a partner's .ics calendar as events or blocks"), M_DESK, A_ALL) \
	X(REFRESH, "refresh", "C-l", N_("Redraw"), N_("reread and redraw the screen"), M_DESK, A_ALL) \
	X(QUIT, "quit", "q", N_("Quit"), N_("back one screen, as Esc; on the first screen quit the desk"), M_NONE, A_ALL) \
	X(EXIT, "exit", "Q", N_("Exit"), N_("quit the desk from any screen"), M_DESK, A_ALL) \
	X(DAY, "day", "D", N_("Day"), N_("day view of the current date"), M_VIEW, A_ALL) \
	X(WEEK, "week", "w", N_("Week"), N_("week view"), M_VIEW, A_ALL) \
	X(MONTH, "month", "m", N_("Month"), N_("month overview with bookings per day"), M_VIEW, A_ALL) \
	X(AGENDA, "agenda", "a", N_("Agenda"), N_("agenda: bookings of the next two weeks"), M_VIEW, A_ALL) \
	X(SHOW_CANCELLED, "show_cancelled", "z", N_("Cancelled"), N_("show or hide cancelled bookings"), M_VIEW, A_ALL) \
	X(BOOK, "book", "b", N_("Book"), N_("book the slot under the cursor"), M_BOOKING, A_SCREEN) \
	X(OPEN, "open", "Enter", N_("Open"), N_("open: book a free slot, edit a booking, show a day or record"), M_BOOKING, A_SCREEN) \
	X(NEXT_HERE, "next_here", "Tab", N_("Next here"), N_("next booking in the same cell (a cell can hold several)"), M_BOOKING, A_SCREEN) \
	X(EDIT, "edit", "e", N_("Edit"), N_("edit the booking under the cursor"), M_BOOKING, A_SCREEN) \
	X(MOVE, "move", "M", N_("Move"), N_("move the booking: pick a slot, Enter drops it"), M_BOOKING, A_SCREEN) \
	X(OVERRIDE, "override", "o", N_("Override"), N_("while moving: drop anyway, giving a reason"), M_BOOKING, A_SCREEN) \
	X(CANCEL, "cancel", "c", N_("Cancel"), N_("cancel the booking (asks first)"), M_BOOKING, A_SCREEN) \
	X(DONE, "done", "d", N_("Done"), N_("mark the booking done"), M_BOOKING, A_SCREEN) \
	X(NOSHOW, "no_show", "x", N_("No-show"), N_("mark the booking a no-show"), M_BOOKING, A_SCREEN) \
	X(REBOOK, "rebook", "B", N_("Rebook"), N_("set the booking back to booked (undo done, no-show, cancel)"), M_BOOKING, A_SCREEN) \
	X(BACK, "back", "Esc", N_("Back"), N_("back out: end a move, return to the previous screen"), M_BOOKING, A_ALL) \
	X(LIST_APPT, "appointments", "A", N_("Appts"), N_("list of all appointments (searchable)"), M_LISTS, A_ALL) \
	X(SEARCH, "search", "/", N_("Search"), N_("search by organization, reading, contact or note"), M_LISTS, A_ALL) \
	X(LIST_ORG, "organizations", "O", N_("Orgs"), N_("list of organizations (searchable)"), M_LISTS, A_ALL) \
	X(NEW_ORG, "new_org", "N", N_("New org"), N_("add a new organization"), M_LISTS, A_ALL) \
	X(LIST_STAFF, "staff", "S", N_("Staff"), N_("list of desk staff"), M_LISTS, A_ALL) \
	X(QUICKLOG, "quick_log", "L", N_("Log call"), N_("quick-log a new inquiry (call, e-mail, visit, post)"), M_INQUIRIES, A_ALL) \
	X(LIST_INQ, "inquiries", "i", N_("Inquiries"), N_("the inquiry log: filters and full-text search"), M_INQUIRIES, A_ALL) \
	X(FILTER, "filter", "f", N_("Filter"), N_("filter the list (status, channel, staff, dates...)"), M_INQUIRIES, A_SCREEN) \
	X(NOTE, "note", "r", N_("Note"), N_("add a dated note to the inquiry"), M_INQUIRIES, A_SCREEN) \
	X(STATUS, "status", "s", N_("Status"), N_("change the status of the inquiry or application"), M_INQUIRIES, A_SCREEN) \
	X(APPLY, "apply", "u", N_("Apply"), N_("start an application from the inquiry"), M_INQUIRIES, A_SCREEN) \
	X(DEADLINES, "deadlines", "E", N_("Deadlines"), N_("every coming deadline with days left"), M_INQUIRIES, A_ALL) \
	X(PROGRAMS, "programs", "P", N_("Programs"), N_("programs, their events and applications"), M_INQUIRIES, A_ALL) \
	X(CHECK, "check", "Space", N_("Check"), N_("tick or untick the checklist item"), M_INQUIRIES, A_SCREEN) \
	X(REPORT, "report", "R", N_("Report"), N_("monthly and yearly counts"), M_INQUIRIES, A_ALL) \
	X(YEAR, "year", "y", N_("Year"), N_("switch between the month and the year"), M_INQUIRIES, A_SCREEN) \
	X(HELP, "help", "F1 ?", N_("Help"), N_("the keys of this screen"), M_HELP, A_ALL) \
	X(MENU, "menu", "F9 F10", N_("Menu"), N_("the menu bar: every action"), M_NONE, A_ALL) \
	X(FORM_SAVE, "form_save", "F2 C-s", N_("Save"), N_("in a form: save"), M_NONE, A_FORM) \
	X(FORM_NEW_ORG, "form_new_org", "F4 C-n", N_("New organization"), N_("in a form, organization field: add a new organization"), M_NONE, A_FORM) \
	X(FORM_OVERRIDE, "form_override", "F8 C-o", N_("Override"), N_("in a form, after a rule refusal: save anyway with a reason"), M_NONE, A_FORM)

#endif
