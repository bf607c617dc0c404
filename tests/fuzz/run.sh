#!/bin/sh
# make fuzz: run each libFuzzer harness for a bounded time.
#   run.sh FUZZ_O SECONDS TARGET...
# Works on a copy of tests/fuzz/corpus/TARGET (new interesting inputs
# collect in FUZZ_O/corpus/TARGET); crash inputs go to FUZZ_O/crashes/.
set -u
out=$1 secs=$2
shift 2
src=$(cd "$(dirname "$0")" && pwd)
out=$(cd "$out" && pwd)
failed=""
for t in "$@"; do
	mkdir -p "$out/corpus/$t" "$out/crashes/$t"
	cp -n "$src/corpus/$t"/* "$out/corpus/$t/" 2>/dev/null
	dict=
	[ -f "$src/$t.dict" ] && dict="-dict=$src/$t.dict"
	echo "== fuzz $t for ${secs}s"
	# -close_fd_mask=3: the program's own output is not the point;
	# libFuzzer and the sanitizers still report on their own fd
	if ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		"$out/fuzz_$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
		-close_fd_mask=3 -print_final_stats=1 -artifact_prefix="$out/crashes/$t/" $dict \
		"$out/corpus/$t" 2>"$out/$t.log"; then
		grep -E "stat::number_of_executed_units|stat::new_units_added" "$out/$t.log" | sed "s/^/   /"
	else
		failed="$failed $t"
		tail -40 "$out/$t.log"
		echo "!! fuzz $t found a crash: $(ls "$out/crashes/$t")"
		echo "   keep it as a regression test: cp $out/crashes/$t/* $src/crashes/$t/"
		echo "   replay it: $(dirname "$out")/tests/fuzz/replay_$t $src/crashes/$t/"
	fi
done
[ -z "$failed" ] || { echo "fuzz: crashes in:$failed"; exit 1; }
echo "fuzz: no crash in $* (${secs}s each)"
