#!/bin/sh
# A desk server its staff share, with real accounts the test makes and
# removes (useradd, runuser): a setgid folder of the desk's group, its
# files 0660 in that group, an account outside the group shut out, the
# audit naming the account whatever $USER says, the lead role enforced,
# personal outputs 0600, two staff accounts writing at once.
. "$(dirname "$0")/../lib.sh"

if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null || ! command -v runuser >/dev/null; then
	echo "1..0 # SKIP needs root with useradd and runuser to make the test's accounts"
	exit 0
fi

n=$$
G=mdg$n LEAD=mdl$n A=mda$n B=mdb$n C=mdc$n L=mdx$n
drop_accounts() {
	for u in $A $B $C $L; do userdel "$u" 2>/dev/null; done
	for g in $G $LEAD; do groupdel "$g" 2>/dev/null; done
	cleanup
}
trap drop_accounts EXIT
groupadd "$G" && groupadd "$LEAD" &&
useradd -M -N -g users -G "$G" -s /bin/sh "$A" &&
useradd -M -N -g users -G "$G" -s /bin/sh "$B" &&
useradd -M -N -g users -s /bin/sh "$C" &&
useradd -M -N -g users -G "$G,$LEAD" -s /bin/sh "$L" || { echo "Bail out! cannot make accounts"; exit 1; }

chmod 755 "$TEST_DIR"
DESK="$TEST_DIR/desk"
for u in $A $B $C $L; do
	mkdir -p "$TEST_DIR/home-$u" && chown "$u" "$TEST_DIR/home-$u" && chmod 700 "$TEST_DIR/home-$u"
done
# as ACCOUNT: the program with that account's own HOME, pinned like the rest
as() {
	u=$1
	shift
	runuser -u "$u" -- env HOME="$TEST_DIR/home-$u" XDG_CONFIG_HOME="$TEST_DIR/home-$u/.config" \
		XDG_DATA_HOME="$TEST_DIR/home-$u/.local/share" MADOGUCHI_DB="$DESK/desk.db" \
		LANG="$LANG" LC_ALL="$LC_ALL" TZ="$TZ" MADOGUCHI_NOW="$MADOGUCHI_NOW" \
		MADOGUCHI_LOCALEDIR="$MADOGUCHI_LOCALEDIR" ASAN_OPTIONS="$ASAN_OPTIONS" \
		UBSAN_OPTIONS="$UBSAN_OPTIONS" USER="${AS_USER:-$u}" "$MADOGUCHI_BIN" "$@"
}
mode() { stat -c '%a %G' "$1"; }
export MADOGUCHI_DB="$DESK/desk.db"

test_expect_success 'setup makes the group folder setgid 2770 and the database 0660 in the group' '
	mado setup --group "$G" --lead "$LEAD" "$DESK" >"$TEST_DIR/out" &&
	grep_out "shared desk ready: $DESK/desk.db" <"$TEST_DIR/out" &&
	[ "$(mode "$DESK")" = "2770 $G" ] &&
	[ "$(mode "$DESK/desk.db")" = "660 $G" ]
'
test_expect_success 'the lead fills the desk; staff records are linked to accounts' '
	as "$L" demo >/dev/null &&
	as "$L" staff link 山田 --account "$A" &&
	as "$L" staff link 佐藤 --account "$B" &&
	as "$A" whoami | grep_out "山田 花子 ($A)  desk staff" &&
	as "$L" whoami | grep_out "$L  desk lead"
'
test_expect_success 'a staff account books; the files made stay 0660 in the group' '
	id=$(as "$A" book --date 2027-01-12 --start 10:00 --channel phone --org 1 --staff 山田) &&
	for f in "$DESK"/desk.db*; do
		[ "$(mode "$f")" = "660 $G" ] || { echo "$f: $(mode "$f")"; exit 1; }
	done
'
test_expect_success 'the audit names the account, whatever $USER says' '
	AS_USER=someoneelse as "$A" book --date 2027-01-12 --start 11:00 --channel phone --org 1 >/dev/null &&
	[ "$(sql "SELECT actor FROM audit WHERE tbl = '"'appointment'"' AND action = '"'insert'"' ORDER BY id DESC LIMIT 1")" = "$A" ] &&
	as "$A" audit --table appointment --limit 1 | grep_out "山田 花子 ($A)"
'
test_expect_success 'an account outside the group cannot read the desk' '
	! as "$C" day --date 2026-11-30 >"$TEST_DIR/out" 2>"$TEST_DIR/err" &&
	! runuser -u "$C" -- cat "$DESK/desk.db" >/dev/null 2>&1 &&
	! runuser -u "$C" -- ls "$DESK" >/dev/null 2>&1
'
test_expect_code 1 'a staff account is refused a restore, naming the lead group' '
	mado --db "$DESK/desk.db" backup "$TEST_DIR/copy.db" >/dev/null && chmod 644 "$TEST_DIR/copy.db" &&
	as "$A" restore "$TEST_DIR/copy.db" 2>"$TEST_DIR/err"; rc=$?
	grep_out "the group $LEAD" <"$TEST_DIR/err" || exit 99; exit $rc
'
test_expect_code 1 'a staff account is refused a retention run' '
	as "$A" retention --older-than 30 2>"$TEST_DIR/err"; rc=$?
	grep_out "the group $LEAD" <"$TEST_DIR/err" || exit 99; exit $rc
'
for what in "closed add 2026-12-01 研修日" "staff add 新人" "program add --name 新事業"; do
	# shellcheck disable=SC2086
	test_expect_code 1 "a staff account is refused: $what" '
		as "$A" '"$what"' 2>"$TEST_DIR/err"; rc=$?
		grep_out "the group $LEAD" <"$TEST_DIR/err" || exit 99; exit $rc
	'
done
test_expect_success 'the lead account may do them' '
	as "$L" closed add 2026-12-01 研修日 &&
	as "$L" retention --older-than 3650 --dry-run >/dev/null &&
	as "$L" restore "$TEST_DIR/copy.db" >/dev/null
'
test_expect_success '... and the restored desk keeps the group and 0660' '
	for f in "$DESK"/desk.db*; do
		[ "$(mode "$f")" = "660 $G" ] || { echo "$f: $(mode "$f")"; exit 1; }
	done
'
test_expect_success 'exports and backups are the person'"'"'s own, 0600' '
	mkdir "$TEST_DIR/mine" && chown "$A" "$TEST_DIR/mine" &&
	as "$A" export -o "$TEST_DIR/mine/desk.ics" &&
	as "$A" backup "$TEST_DIR/mine/copy.db" >/dev/null &&
	[ "$(stat -c "%a %U" "$TEST_DIR/mine/desk.ics")" = "600 $A" ] &&
	[ "$(stat -c "%a %U" "$TEST_DIR/mine/copy.db")" = "600 $A" ]
'
test_expect_success 'a database open to every account is refused with the fix' '
	chmod 664 "$DESK/desk.db" &&
	! as "$A" day 2>"$TEST_DIR/err" &&
	grep_out "chmod o-rwx $DESK/desk.db" <"$TEST_DIR/err" &&
	chmod 660 "$DESK/desk.db"
'

# one account's desk screen shows what another account books, live
cat >"$TEST_DIR/desk-as-a" <<EOF
#!/bin/sh
exec runuser -u $A -- env HOME="$TEST_DIR/home-$A" MADOGUCHI_DB="$DESK/desk.db" LANG="\$LANG" \\
	LC_ALL="\$LC_ALL" TZ="\$TZ" TERM="\$TERM" MADOGUCHI_NOW="\$MADOGUCHI_NOW" \\
	MADOGUCHI_LOCALEDIR="\$MADOGUCHI_LOCALEDIR" ASAN_OPTIONS="\$ASAN_OPTIONS" \\
	UBSAN_OPTIONS="\$UBSAN_OPTIONS" "$MADOGUCHI_BIN" "\$@"
EOF
chmod 755 "$TEST_DIR/desk-as-a"
test_expect_success 'a desk open as one account shows, live, what another account books' '
	REAL_BIN=$MADOGUCHI_BIN && MADOGUCHI_BIN="$TEST_DIR/desk-as-a" && ui_start && MADOGUCHI_BIN=$REAL_BIN &&
	ui_wait "Day schedule" &&
	as "$B" book --date 2026-11-24 --start 16:30 --channel phone --org 1 --staff 鈴木 >/dev/null &&
	ui_wait "16:30" 15
'
ui_stop

# two staff accounts at once: book, move and cancel into one desk
inserts_by() { sql "SELECT count(*) FROM audit WHERE tbl = 'appointment' AND action = 'insert' AND actor = '$1'"; }
for u in $A $B; do inserts_by "$u" >"$TEST_DIR/home-$u/before"; done
for u in $A $B; do
	runuser -u "$u" -- env HOME="$TEST_DIR/home-$u" MADOGUCHI_DB="$DESK/desk.db" LANG="$LANG" LC_ALL="$LC_ALL" \
		TZ="$TZ" MADOGUCHI_NOW="$MADOGUCHI_NOW" ASAN_OPTIONS="$ASAN_OPTIONS" UBSAN_OPTIONS="$UBSAN_OPTIONS" \
		MADOGUCHI_BIN="$MADOGUCHI_BIN" sh "$SRC_DIR/tests/robust/worker.sh" "${#u}$n" 40 \
		"$TEST_DIR/home-$u/log" "$TEST_DIR/home-$u/err" &
done
wait
test_expect_success 'two staff accounts at once: work done, no error but desk rules' '
	cat "$TEST_DIR"/home-*/log >"$TEST_DIR/all.log" &&
	[ "$(grep -c "^book" "$TEST_DIR/all.log")" -ge 10 ] &&
	! grep "^ERROR" "$TEST_DIR/all.log"
'
test_expect_success '... no double booking' '
	[ "$(sql "SELECT count(*) FROM appointment a JOIN appointment b ON a.id < b.id
		AND a.date = b.date AND a.status IN ('"'booked','done'"') AND b.status IN ('"'booked','done'"')
		AND a.start_min < b.start_min + b.minutes AND b.start_min < a.start_min + a.minutes
		AND a.override_reason IS NULL AND b.override_reason IS NULL
		AND ((a.staff_id = b.staff_id) OR (a.channel = '"'visit'"' AND b.channel = '"'visit'"' AND a.room = b.room))")" = 0 ]
'
test_expect_success '... every booking each reported is in the audit under its own account' '
	for u in $A $B; do
		want=$(grep -c "^book" "$TEST_DIR/home-$u/log")
		got=$(( $(inserts_by "$u") - $(cat "$TEST_DIR/home-$u/before") ))
		[ "$got" = "$want" ] || { echo "$u: $got in the audit, $want reported"; exit 1; }
	done
'
test_expect_success '... and the file is whole' '
	[ "$(sqlite3 "$DESK/desk.db" "PRAGMA integrity_check")" = ok ]
'
[ -n "${KEEP:-}" ] && { trap - EXIT; echo "# kept $TEST_DIR $A $B"; }
test_done
