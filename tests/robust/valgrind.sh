#!/bin/sh
# make valgrind-check: every test, with the program and the unit tests
# run under valgrind's memcheck.  A memcheck error makes the program exit
# 97, which fails the test that ran it.
#   valgrind.sh BIN BUILD_DIR UNIT_BIN...
set -u
bin=$1 build=$2
shift 2
src=$(cd "$(dirname "$0")/../.." && pwd)
command -v valgrind >/dev/null || { echo "valgrind-check: valgrind is not installed (tools/deps.sh check)"; exit 1; }
if grep -q __asan_init "$bin"; then
	echo "valgrind-check: $bin is built with a sanitizer; use a plain build (make O=build valgrind-check)"
	exit 1
fi
wrap="$build/madoguchi-valgrind"
cat >"$wrap" <<W
#!/bin/sh
exec valgrind -q --error-exitcode=97 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \\
	--suppressions="$src/tests/robust/valgrind.supp" "$bin" "\$@"
W
chmod +x "$wrap"
# The load tests at a size valgrind can carry; the crash test kills the
# program itself, which under valgrind is another process: left out.
export ROB_OPS=${ROB_OPS:-30} ROB_WORKERS=${ROB_WORKERS:-4}
export MADOGUCHI_BIN="$wrap" MADOGUCHI_BUILD="$build" MADOGUCHI_PLAIN_BIN="$bin"
tests=$(ls "$src"/tests/cli/*.sh "$src"/tests/ui/*.sh 2>/dev/null | grep -v "0802-crash")
cd "$src" && prove -j4 --exec "sh $src/tests/robust/vg-exec.sh" "$@" $tests
