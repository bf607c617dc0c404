#!/bin/sh
# make stress: the long runs of the concurrency and crash tests on the
# plain build, with the figures for the README.
#   stress.sh BIN WORKERS OPS KILLS
set -u
bin=$1 workers=$2 ops=$3 kills=$4
src=$(cd "$(dirname "$0")/../.." && pwd)
export MADOGUCHI_BIN="$bin" MADOGUCHI_BUILD=$(dirname "$bin")
rc=0
echo "== concurrency: $workers desks x $ops operations (book 55%, move 25%, cancel 20%)"
t0=$(date +%s)
ROB_WORKERS=$workers ROB_OPS=$ops sh "$src/tests/cli/0801-concurrency.sh" >/tmp/madoguchi-stress.$$ 2>&1 || rc=1
t1=$(date +%s)
grep -E "^#|^not ok" /tmp/madoguchi-stress.$$ | head -40
grep -c "^ok" /tmp/madoguchi-stress.$$ | sed 's/^/   checks passed: /'
secs=$((t1 - t0)); [ $secs -gt 0 ] || secs=1
echo "   $((workers * ops)) operations in ${secs} s: $((workers * ops / secs)) operations/s"
echo "== crash: $kills writers killed with SIGKILL at random moments"
t0=$(date +%s)
ROB_CRASH_RUNS=$kills sh "$src/tests/cli/0802-crash.sh" >/tmp/madoguchi-stress.$$ 2>&1 || rc=1
t1=$(date +%s)
grep -E "^#|^not ok" /tmp/madoguchi-stress.$$ | head -40
grep -c "^ok" /tmp/madoguchi-stress.$$ | sed 's/^/   checks passed: /'
echo "   in $((t1 - t0)) s"
rm -f /tmp/madoguchi-stress.$$
[ $rc = 0 ] && echo "stress: all checks passed" || echo "stress: FAILED"
exit $rc
