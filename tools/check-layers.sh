#!/bin/sh
# The layering of STYLE.md: only src/ui includes curses, only src/db
# sqlite3, only src/export libical (and cairo/pango); and one door for
# changes (STYLE.md 9): nothing in src/ui, src/cli or src/export (the
# calendar import, the mail ledger) writes or manages a transaction itself, so no call from there to a db_ function whose name
# says it writes (insert, update, delete, set, ensure, upsert, remove,
# begin, commit, rollback, exec, backup, restore, retention, ...): such
# work goes through a core function.
#
#   sh tools/check-layers.sh [TREE]     (TREE: the source tree, default .)
# Exit 0 when the tree keeps the rules, 1 (naming every breach) when not.
cd "${1:-.}" || exit 2
bad=0
check() { # pattern allowed-dir
	for f in $(grep -l -E "$1" src/*.c src/*/*.c src/*/*.h 2>/dev/null); do
		case $f in
		"$2"/*) ;;
		*) echo "layering: $f includes $1 (only $2 may)" >&2; bad=1 ;;
		esac
	done
}
check '#include *<(n?curses|form|menu|panel)\.h>' src/ui
check '#include *<sqlite3\.h>' src/db
check '#include *<(libical/)?ical' src/export
check '#include *<(cairo|pango)' src/export
check '#include *<unicode/' src/export

# Words in a db_ function's name that mean it changes the database or
# its transactions; a name is db_ and words joined by '_'.
writes='insert|update|delete|set|ensure|upsert|remove|begin|commit|rollback|exec|backup|restore|retention|fill|import|clear|add|put|write|purge|vacuum|migrate|create|drop|replace|save|store|move|cancel|link|unlink|sync'
call="(^|[^A-Za-z0-9_])db(_[a-z0-9]+)*_($writes)(_[a-z0-9]+)*[[:space:]]*\\("
for f in src/ui/*.c src/ui/*.h src/cli/*.c src/cli/*.h src/export/*.c src/export/*.h; do
	[ -f "$f" ] || continue
	# comments do not count: blank /* ... */ on a line, lines inside a
	# block comment that start with '*', and // comments
	hits=$(sed -e 's|/\*.*\*/||g' -e 's|^[[:space:]]*\*.*||' -e 's|^[[:space:]]*/\*.*||' \
		-e 's|//.*||' "$f" | grep -n -E "$call")
	if [ -n "$hits" ]; then
		printf '%s\n' "$hits" | while IFS= read -r line; do
			echo "one door: $f:${line%%:*} writes to the database itself; call a core function instead:${line#*:}" >&2
		done
		bad=1
	fi
done
exit $bad
