#!/bin/sh
# Install the Debian packages madoguchi needs, if any are missing.
#   tools/deps.sh build   packages to build and run
#   tools/deps.sh check   packages to build and run the tests as well
# As root it runs apt-get; otherwise sudo (non-interactive). When neither
# works it prints the exact command to run and fails.
set -u
BUILD="make gcc pkg-config libncurses-dev libsqlite3-dev libical-dev libicu-dev libcairo2-dev libpango1.0-dev fonts-noto-cjk gettext locales"
CHECK="$BUILD tmux sqlite3 perl python3 python3-icalendar python3-recurring-ical-events calcurse poppler-utils groff-base"
# the robustness tests: valgrind (make check runs a few commands under
# it; make valgrind-check all tests), clang with libFuzzer (make fuzz),
# util-linux for setpriv/mount in the fault tests
CHECK="$CHECK valgrind clang libclang-rt-14-dev util-linux"
# the print tests: a private cupsd with a cups-pdf queue (tests/cups-lib.sh)
CHECK="$CHECK cups cups-client printer-driver-cups-pdf"
# the mail tests: msmtp delivering to a private SMTP server on loopback
CHECK="$CHECK msmtp python3-aiosmtpd"

case "${1:-build}" in
build) want=$BUILD ;;
check) want=$CHECK ;;
*) echo "usage: $0 build|check" >&2; exit 2 ;;
esac

missing=""
for p in $want; do
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
	case "$st" in *" installed") ;; *) missing="$missing $p" ;; esac
done

# ical.js, one of the independent readers of our .ics, comes from npm.
if [ "${1:-build}" = check ] && ! command -v npm >/dev/null 2>&1; then
	missing="$missing nodejs npm"
fi

# The tests and the Japanese interface need these locales.
need_locale() {
	locale -a 2>/dev/null | grep -qi "^$1$"
}
gen_locales=""
need_locale 'ja_JP.utf8' || gen_locales="ja_JP.UTF-8"

[ -z "$missing" ] && [ -z "$gen_locales" ] && exit 0

if [ "$(id -u)" = 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	SUDO="sudo -n"
else
	echo "madoguchi needs these Debian packages:$missing" >&2
	[ -n "$missing" ] && echo "Run as root:  apt-get update && apt-get install -y$missing" >&2
	[ -n "$gen_locales" ] && echo "and generate the locale: sed -i 's/^# *ja_JP.UTF-8/ja_JP.UTF-8/' /etc/locale.gen && locale-gen" >&2
	exit 1
fi

if [ -n "$missing" ]; then
	echo "Installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -q || exit 1
	# shellcheck disable=SC2086
	$SUDO apt-get install -y -q --no-install-recommends $missing || exit 1
fi
if [ -n "$gen_locales" ]; then
	if [ -f /etc/locale.gen ] && ! grep -q '^ja_JP.UTF-8' /etc/locale.gen; then
		$SUDO sh -c "echo 'ja_JP.UTF-8 UTF-8' >> /etc/locale.gen"
	fi
	$SUDO locale-gen >/dev/null || exit 1
fi
exit 0
