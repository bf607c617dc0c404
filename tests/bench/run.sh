#!/bin/sh
# The benchmark (`make bench`, or `make O=build/bench bench`):
#   sh tests/bench/run.sh BUILD/madoguchi
# builds (cached) a ten-year database with tests/bench/gen, times every
# row with tests/bench/bench (one process per row), times calcurse on
# the same events, and prints a table.  Timings are benchmark output,
# never test assertions: they depend on the machine and its load.
#
# Environment:
#   BENCH_DIR=DIR       cache and scratch (default BUILD/bench-data)
#   BENCH_REPS=N        repetitions for every row (default: per row)
#   BENCH_QUICK=1       skip the one-time calcurse import of all ten
#                       years (about 3-4 minutes; cached afterwards)
#   BENCH_READ_TXN=1    run each screen load inside one read transaction
set -u
BIN=${1:?usage: run.sh PATH/TO/madoguchi}
BUILD=$(cd "$(dirname "$BIN")" && pwd)
BIN=$BUILD/$(basename "$BIN")
SRC=$(cd "$(dirname "$0")/../.." && pwd)
GEN=$BUILD/tests/bench/gen
BENCH=$BUILD/tests/bench/bench
DIR=${BENCH_DIR:-$BUILD/bench-data}
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=Asia/Tokyo MADOGUCHI_NOW=2026-11-24T10:15
unset LANGUAGE NO_COLOR
umask 077

for p in "$BIN" "$GEN" "$BENCH"; do
	[ -x "$p" ] || { echo "bench: $p is missing; run 'make bench'" >&2; exit 2; }
done
mkdir -p "$DIR" || exit 3
if nm "$BIN" 2>/dev/null | grep -q __asan_init; then
	echo "bench: note: $BIN is built with sanitizers; the figures mean little (use make O=build/bench bench)"
fi

# ---- the database, cached by generator and schema ----
key=$(cat "$SRC/tests/bench/gen.c" "$SRC"/db/[0-9][0-9][0-9]_*.sql | cksum | cut -d' ' -f1)
DB=$DIR/bench.db
if [ ! -f "$DB" ] || [ "$(cat "$DIR/bench.key" 2>/dev/null)" != "$key" ]; then
	rm -rf "$DIR"/bench.db* "$DIR"/calcurse-full "$DIR"/full.ics "$DIR"/bench.key
	echo "bench: generating the ten-year database (once; cached in $DIR)"
	"$GEN" --db "$DB" || exit 3
	echo "$key" >"$DIR/bench.key"
fi
ICS=$DIR/partner-20k.ics
[ -f "$ICS" ] || "$GEN" --ics "$ICS" --events 20000 || exit 3

has_cmd() {
	"$BIN" --help 2>/dev/null | grep -q "^  $1"
}

OUT=$DIR/results.tsv
: >"$OUT"
reps() {
	[ -n "${BENCH_REPS:-}" ] && echo "--reps $BENCH_REPS"
}
row() { # NAME [args]: one row, in its own process
	name=$1
	shift
	# shellcheck disable=SC2046
	"$BENCH" --db "$DB" --row "$name" $(reps) "$@" >>"$OUT" 2>>"$DIR/stderr.log" ||
		echo "bench: row $name failed (see $OUT, $DIR/stderr.log)" >&2
}
skip() { # NAME WHY
	printf '%s\t0\t-\t-\t-\tskipped: %s\n' "$1" "$2" >>"$OUT"
}

echo "bench: timing (each row in its own process; a few minutes)"
for r in open day week month side program-list org-search org-list inq-search deadlines print export-year export-all appt-scan; do
	row $r
done
# ---- the same desk with imported calendars: 20,000 partner events and
# 1,000 repeating series (staff blocks and events, a third without an
# end), expanded up to the import horizon (cached by generator and schema) ----
CAL=$DIR/bench-cal.db
CALICS=$DIR/partner-20k-series.ics
if has_cmd import; then
	if [ ! -f "$CAL" ] || [ "$(cat "$DIR/bench-cal.key" 2>/dev/null)" != "$key" ]; then
		echo "bench: importing 20,000 events and 1,000 repeating series into a copy (once; cached)"
		rm -f "$CAL" "$CAL-wal" "$CAL-shm"
		"$GEN" --ics "$CALICS" --events 20000 --series 1000 &&
			sqlite3 "$DB" "VACUUM INTO '$CAL'" &&
			"$BIN" --db "$CAL" import "$CALICS" >"$DIR/bench-cal.import" &&
			echo "$key" >"$DIR/bench-cal.key" ||
			echo "bench: could not build $CAL" >&2
	fi
	for r in open day week month program-list; do
		"$BENCH" --db "$CAL" --row "$r" --label "$r+cal" $(reps) >>"$OUT" 2>>"$DIR/stderr.log" ||
			echo "bench: row $r+cal failed" >&2
	done
fi
row import --ics "$ICS"
row ui-first --bin "$BIN"
row cli-day --bin "$BIN"
if has_cmd export; then
	row cli-export-year --bin "$BIN"
	row cli-export-all --bin "$BIN"
else
	skip cli-export-year "export not built"
	skip cli-export-all "export not built"
fi
if has_cmd import; then
	row cli-import --bin "$BIN" --ics "$ICS"
	# the same 20,000 events, imported, exported again by madoguchi
	IMP=$DIR/imported-20k.db
	rm -f "$IMP" "$IMP-wal" "$IMP-shm"
	"$BIN" --db "$IMP" init >/dev/null && "$BIN" --db "$IMP" import "$ICS" >/dev/null &&
		"$BENCH" --db "$IMP" --row cli-export-all --bin "$BIN" --label cli-export-20k $(reps) >>"$OUT"
else
	skip cli-import "import not built"
fi

# ---- calcurse on the same events ----
if command -v calcurse >/dev/null 2>&1; then
	CC=$DIR/calcurse-20k
	row calcurse-import --ics "$ICS" --calcurse-dir "$CC" &&
		"$BENCH" --db "$DB" --row calcurse-export --calcurse-dir "$CC" --label calcurse-export-20k $(reps) >>"$OUT"
	if [ -z "${BENCH_QUICK:-}" ] && has_cmd export; then
		CCF=$DIR/calcurse-full
		if [ ! -f "$CCF/apts" ]; then
			echo "bench: importing all ten years into calcurse once (slow: calcurse keeps a sorted list; cached)"
			"$BIN" --db "$DB" export -o "$DIR/full.ics" &&
				rm -rf "$CCF" && mkdir -p "$CCF" &&
				s=$(date +%s) && calcurse -D "$CCF" -i "$DIR/full.ics" </dev/null >/dev/null 2>&1 &&
				echo "bench: calcurse imported $(grep -c '^BEGIN:VEVENT' "$DIR/full.ics") events in $(( $(date +%s) - s )) s"
		fi
		if [ -f "$CCF/apts" ]; then
			"$BENCH" --db "$DB" --row calcurse-export --calcurse-dir "$CCF" --label calcurse-export-all $(reps) >>"$OUT"
		fi
	else
		skip calcurse-export-all "BENCH_QUICK set (or no export command)"
	fi
else
	skip calcurse-import "calcurse not installed (apt-get install calcurse)"
fi

# ---- the table ----
echo
echo "madoguchi $("$BIN" --version 2>/dev/null | cut -d' ' -f2), $(uname -m), $(nproc) CPU, load $(cut -d' ' -f1-3 /proc/loadavg), sqlite $(sqlite3 --version 2>/dev/null | cut -d' ' -f1)"
echo "database: $(du -m "$DB" | cut -f1) MB: $(sqlite3 "$DB" "SELECT (SELECT count(*) FROM organization) || ' organizations, ' || (SELECT count(*) FROM appointment) || ' appointments, ' || (SELECT count(*) FROM inquiry) || ' inquiries, ' || (SELECT count(*) FROM inquiry_note) || ' notes, ' || (SELECT count(*) FROM program) || ' programs, ' || (SELECT count(*) FROM program_event) || ' events'" 2>/dev/null)"
echo
awk -F'\t' '
function goal(name, p99) {
	if (p99 == "-") return ""
	if (name ~ /^(day|week|month|side|program-list|org-search|org-list|inq-search|deadlines)(\+cal)?$/)
		return (p99 + 0 <= 5) ? "<=5ms ok" : "<=5ms MISSED"
	if (name ~ /^(open|ui-first)(\+cal)?$/)
		return (p99 + 0 <= 50) ? "<=50ms ok" : "<=50ms MISSED"
	return ""
}
BEGIN {
	label["open"] = "open + first screen data"
	label["day"] = "day view data"
	label["week"] = "week view data"
	label["month"] = "month view data"
	label["side"] = "side panel (follow-ups, deadlines)"
	label["program-list"] = "program list (events counted)"
	label["open+cal"] = "open, + 20k events, 1k series"
	label["day+cal"] = "day view, + 20k events, 1k series"
	label["week+cal"] = "week view, + 20k events, 1k series"
	label["month+cal"] = "month view, + 20k events, 1k series"
	label["program-list+cal"] = "program list, + 20k events, 1k series"
	label["org-search"] = "org search keystroke (form, 20)"
	label["org-list"] = "org search keystroke (list, all)"
	label["inq-search"] = "inquiry search keystroke (50)"
	label["deadlines"] = "deadlines screen data (30 days)"
	label["print"] = "print a day (text)"
	label["export-year"] = "export one year (in process)"
	label["export-all"] = "export everything (in process)"
	label["appt-scan"] = "read all appointments (no output)"
	label["import"] = "import 20,000 events (in process)"
	label["ui-first"] = "real binary: open to first screen"
	label["cli-day"] = "real binary: madoguchi day"
	label["cli-export-year"] = "madoguchi export, one year"
	label["cli-export-all"] = "madoguchi export, everything"
	label["cli-export-20k"] = "madoguchi export, the 20,000"
	label["cli-import"] = "madoguchi import, 20,000 events"
	label["calcurse-import"] = "calcurse -i, 20,000 events"
	label["calcurse-export-20k"] = "calcurse -x, the 20,000"
	label["calcurse-export-all"] = "calcurse -x, everything"
	printf "%-36s %5s %10s %10s %8s  %-13s %s\n", "what", "runs", "median ms", "p99 ms", "peak MB", "goal", "how"
}
{
	name = $1
	l = (name in label) ? label[name] : name
	rss = ($5 == "-") ? "-" : sprintf("%.1f", $5 / 1024)
	printf "%-36s %5s %10s %10s %8s  %-13s %s\n", l, $2, $3, $4, rss, goal(name, $4), $6
	med[name] = $3; mem[name] = $5
}
END {
	print ""
	if (("cli-import" in med) && ("calcurse-import" in med) && med["calcurse-import"] + 0 > 0)
		printf "import 20,000 events: madoguchi/calcurse = %.2f (below 1: madoguchi faster)\n", med["cli-import"] / med["calcurse-import"]
	if (("cli-export-20k" in med) && ("calcurse-export-20k" in med) && med["calcurse-export-20k"] + 0 > 0)
		printf "export the same 20,000: madoguchi/calcurse = %.2f\n", med["cli-export-20k"] / med["calcurse-export-20k"]
	if (("cli-export-all" in med) && ("calcurse-export-all" in med) && med["calcurse-export-all"] + 0 > 0) {
		r = med["cli-export-all"] / med["calcurse-export-all"]
		printf "export everything: madoguchi/calcurse = %.2f (goal: 0.20 or less, 5x faster: %s)\n", r, r <= 0.2 ? "ok" : "MISSED"
	}
	if (("export-year" in mem) && ("export-all" in mem) && mem["export-year"] != "-")
		printf "export memory, in process: 1 year %.1f MB, 10 years %.1f MB: growth %.1f MB\n", mem["export-year"] / 1024, mem["export-all"] / 1024, (mem["export-all"] - mem["export-year"]) / 1024
	if (("cli-export-year" in mem) && ("cli-export-all" in mem) && mem["cli-export-year"] != "-")
		printf "export memory, the command: 1 year %.1f MB, 10 years %.1f MB: growth %.1f MB\n", mem["cli-export-year"] / 1024, mem["cli-export-all"] / 1024, (mem["cli-export-all"] - mem["cli-export-year"]) / 1024
}' "$OUT"
echo
echo "p99 is the slowest run when a row has fewer than 100 runs.  Raw figures: $OUT"
echo "Query plans of every statement the screens use: $BENCH --db $DB --row plans"
