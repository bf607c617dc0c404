#!/bin/sh
# Check the Japanese catalog against the source as it is now.
# Fails (exit 1), listing each message with its source location, when
#  - a string marked _() or N_() in src/ has no Japanese translation in
#    po/ja.po (new since the last tools/update-po.sh, or msgstr empty),
#  - a translation is marked fuzzy (needs review),
#  - a translation holds no Japanese at all although the English has
#    words (a copied msgid), or
#  - msgfmt -c --check-format finds a problem (format specifiers that
#    differ from the msgid, a bad header, ...).
# Does not change any file: it extracts a fresh template into a temporary
# directory and merges po/ja.po with it there.
set -u
cd "$(dirname "$0")/.." || exit 2
PO=${1:-po/ja.po}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mado-po.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
fail=0

if [ ! -f "$PO" ]; then
	echo "check-po: $PO is missing; run tools/update-po.sh" >&2
	exit 1
fi

if ! msgfmt -c --check-format -o /dev/null "$PO" 2>"$tmp/msgfmt"; then
	echo "check-po: msgfmt -c --check-format $PO failed:"
	cat "$tmp/msgfmt"
	fail=1
fi

sh tools/update-po.sh --extract "$tmp/madoguchi.pot" || exit 2
# Merge without fuzzy matching: a string new in the source shows up as
# untranslated, whatever old string it resembles.
if ! msgmerge --quiet --no-fuzzy-matching -o "$tmp/merged.po" "$PO" "$tmp/madoguchi.pot" 2>"$tmp/merge"; then
	cat "$tmp/merge"
	exit 2
fi

# Print "location: msgid" for each message of a po file (header skipped).
list() {
	msgattrib --no-wrap --no-obsolete "$@" "$tmp/merged.po" 2>/dev/null | awk '
		/^#: / { loc = $2 }
		/^msgid "/ { id = substr($0, 8, length($0) - 8); inid = 1; next }
		/^"/ && inid { id = id substr($0, 2, length($0) - 2); next }
		/^msgstr/ { if (id != "") printf "  %s: \"%s\"\n", loc, id; inid = 0; id = "" }
	'
}

list --untranslated > "$tmp/untranslated"
list --only-fuzzy > "$tmp/fuzzy"
if [ -s "$tmp/untranslated" ]; then
	echo "check-po: $(wc -l < "$tmp/untranslated") string(s) without a Japanese translation in $PO:"
	cat "$tmp/untranslated"
	fail=1
fi
if [ -s "$tmp/fuzzy" ]; then
	echo "check-po: $(wc -l < "$tmp/fuzzy") fuzzy translation(s) in $PO (review, then remove the fuzzy flag):"
	cat "$tmp/fuzzy"
	fail=1
fi

# A translation with no Japanese character although the English holds a
# word of three letters or more (format directives and --options aside).
msgattrib --no-wrap --no-obsolete --translated --no-fuzzy "$tmp/merged.po" 2>/dev/null |
	msgexec -i - sh -c '
		[ -n "$MSGEXEC_MSGID" ] || exit 0
		str=$(cat)
		words=$(printf "%s" "$MSGEXEC_MSGID" | LC_ALL=C sed -e "s/%[-#0-9.*+ lhzjt]*[a-zA-Z]//g" \
			-e "s/--[a-z-]*//g" -e "s/\\\$[A-Z_]*//g" -e "s/madoguchi//g")
		printf "%s" "$words" | LC_ALL=C grep -q "[A-Za-z][A-Za-z][A-Za-z]" || exit 0
		printf "%s" "$str" | LC_ALL=C grep -q "[^ -~]" && exit 0
		printf "  \"%s\"\n" "$MSGEXEC_MSGID"
	' > "$tmp/english" 2>/dev/null
if [ -s "$tmp/english" ]; then
	echo "check-po: translation(s) in $PO with no Japanese in them:"
	cat "$tmp/english"
	fail=1
fi

if [ $fail -eq 0 ]; then
	n=$(grep -c '^msgid "' "$tmp/madoguchi.pot")
	echo "check-po: $PO translates all $((n - 1)) strings of the source"
fi
exit $fail
