#!/bin/sh
# The layering of STYLE.md: only src/ui includes curses, only src/db
# sqlite3, only src/export libical (and cairo/pango).
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
exit $bad
