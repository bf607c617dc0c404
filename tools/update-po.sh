#!/bin/sh
# Bring the message catalogs up to date with the source.
#   tools/update-po.sh                 extract po/madoguchi.pot from src/**/*.c
#                                      (and *.h), then msgmerge it into every
#                                      po/*.po (po/ja.po is created if missing)
#   tools/update-po.sh --extract FILE  only write the template to FILE
#                                      (tools/check-po.sh uses this)
# Strings are marked _("...") or N_("...") in the source, in English.
# After a run, translate what tools/check-po.sh lists (new strings have an
# empty msgstr, changed ones are marked fuzzy with the old msgid kept as
# "#| msgid" for reference), remove the fuzzy flag, and run check-po again.
set -eu
cd "$(dirname "$0")/.."

extract() {
	out=$1
	files=$(find src -type f \( -name '*.c' -o -name '*.h' \) | LC_ALL=C sort)
	# shellcheck disable=SC2086
	xgettext --language=C --from-code=UTF-8 --keyword=_ --keyword=N_ \
		--add-comments=TRANSLATORS: --package-name=madoguchi \
		--msgid-bugs-address='' --sort-by-file -o "$out" $files 2>"$out.err" ||
		{ cat "$out.err" >&2; rm -f "$out.err"; exit 1; }
	# (the only warning is about the empty bug address: say nothing)
	grep -v -e 'msgid-bugs-address' -e 'Makevars' -e 'MSGID_BUGS_ADDRESS' \
		-e 'specify an --msgid' "$out.err" >&2 || true
	rm -f "$out.err"
	# xgettext leaves CHARSET in the template's header; say UTF-8.
	sed 's/charset=CHARSET/charset=UTF-8/' "$out" > "$out.tmp" && mv "$out.tmp" "$out"
}

case "${1:-}" in
--extract)
	[ $# -eq 2 ] || { echo "usage: $0 [--extract FILE]" >&2; exit 2; }
	extract "$2"
	exit 0
	;;
"") ;;
*) echo "usage: $0 [--extract FILE]" >&2; exit 2 ;;
esac

extract po/madoguchi.pot
if [ ! -f po/ja.po ]; then
	msginit --no-translator --locale=ja_JP.UTF-8 -i po/madoguchi.pot -o po/ja.po
fi
for po in po/*.po; do
	msgmerge --quiet --update --backup=none --previous "$po" po/madoguchi.pot
	printf '%s: ' "$po"
	msgfmt --statistics -o /dev/null "$po"
done
