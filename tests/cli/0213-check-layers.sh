#!/bin/sh
# tools/check-layers.sh (make check-layers) on a copy of the source tree:
# the tree as it is passes; a write or a transaction started from src/ui
# or src/cli or src/export is refused, naming the file and line; so is a
# wrong include.
. "$(dirname "$0")/../lib.sh"

tree="$TEST_DIR/tree"
fresh() {
	rm -rf "$tree" && mkdir -p "$tree" && cp -R "$SRC_DIR/src" "$tree/"
}
layers() {
	sh "$SRC_DIR/tools/check-layers.sh" "$tree" 2>"$TEST_DIR/err"
}

test_expect_success 'the source tree as it is keeps the rules' '
	fresh && layers
'
test_expect_code 1 'a transaction begun in src/ui is refused' '
	fresh &&
	printf "%s\n" "#include \"db/db.h\"" "void planted(struct db *db, struct err *e)" "{" \
		"	if (db_begin(db, e) < 0)" "		return;" "	db_commit(db, e);" "}" \
		>"$tree/src/ui/planted.c" &&
	layers
'
test_expect_success '... naming the file and the line' '
	grep_out "one door: src/ui/planted.c:4 " <"$TEST_DIR/err" &&
	grep_out "one door: src/ui/planted.c:6 " <"$TEST_DIR/err"
'
test_expect_code 1 'a record written from src/cli is refused' '
	fresh &&
	sed -i "s/if (org_request(&app->desk, &r, &res, &app->err) < 0)/if (db_org_insert (app->db, NULL, \&app->err) < 0)/" \
		"$tree/src/cli/cli_org.c" &&
	grep -q "db_org_insert (app->db" "$tree/src/cli/cli_org.c" &&
	layers
'
test_expect_success '... naming it' '
	grep_out "one door: src/cli/cli_org.c:" <"$TEST_DIR/err" &&
	grep_out "db_org_insert" <"$TEST_DIR/err"
'
test_expect_code 1 'a staff member retired from src/cli by db_ directly is refused' '
	fresh &&
	printf "%s\n" "int x(struct app *app) { return db_staff_set_active(app->db, 1, false, NULL); }" \
		>>"$tree/src/cli/cli_org.c" &&
	layers
'
test_expect_code 1 'an import writing a program event from src/export itself is refused' '
	fresh &&
	sed -i "s/if (import_event_put(d, &rw->ev, &res, e) < 0)/if (db_export_event_upsert(d->db, \&rw->ev, \&res, e) < 0)/" \
		"$tree/src/export/ical_import.c" &&
	grep -q "db_export_event_upsert(d->db" "$tree/src/export/ical_import.c" &&
	layers
'
test_expect_success '... naming it' '
	grep_out "one door: src/export/ical_import.c:" <"$TEST_DIR/err" &&
	grep_out "db_export_event_upsert" <"$TEST_DIR/err"
'
test_expect_code 1 'a letter recorded from src/export by db_ directly is refused' '
	fresh &&
	sed -i "s/if (letter_record(d, l, e) < 0)/if (db_mail_insert(d->db, l, e) < 0)/" "$tree/src/export/mail.c" &&
	grep -q "db_mail_insert(d->db" "$tree/src/export/mail.c" &&
	layers
'
test_expect_success 'reads from src/ui and writes named only in comments pass' '
	fresh &&
	printf "%s\n" "/* not db_begin(db, e) here */" "// nor db_org_update(db, o, e)" \
		"long long n(struct db *db) { return db_change_counter(db); }" >>"$tree/src/ui/form.c" &&
	layers
'
test_expect_code 1 'sqlite3.h included outside src/db is refused' '
	fresh && printf "#include <sqlite3.h>\n" >>"$tree/src/core/org.c" && layers
'
test_done
