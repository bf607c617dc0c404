#!/bin/sh
# One desk terminal hammering the database: books, moves and cancels
# from a fixed random script, logging what the program reported.
#   worker.sh SEED OPS LOG ERRLOG
# LOG lines: "book ID DATE START", "move ID DATE START", "same ID DATE
# START" (a move to where it was: nothing written), "cancel ID",
# "refused OP" (exit 1, a desk rule), "ERROR OP RC" (anything else).
seed=$1 ops=$2 log=$3 errlog=$4
ids="$log.ids"
: >"$log"
: >"$ids"
: >"$errlog"
awk -v seed="$seed" -v n="$ops" 'BEGIN {
	srand(seed)
	split("2026-11-25 2026-11-26 2026-11-27 2026-11-30 2026-12-01 2026-12-02 2026-12-03 2026-12-04", d, " ")
	split("山田 佐藤 鈴木", s, " ")
	for (i = 0; i < n; i++) {
		r = rand()
		day = d[int(rand() * 8) + 1]
		slot = int(rand() * 14)
		start = sprintf("%02d:%02d", 10 + int(slot / 2), (slot % 2) * 30)
		pick = int(rand() * 1000000)
		if (r < 0.55) {
			c = rand()
			if (c < 0.45)
				print "book", day, start, s[int(rand() * 3) + 1], "phone", "-"
			else if (c < 0.85)
				print "book", day, start, s[int(rand() * 3) + 1], "visit", (rand() < 0.5 ? "相談室A" : "相談室B")
			else
				print "book", day, start, "-", "phone", "-"
		} else if (r < 0.8) {
			print "move", pick, day, start
		} else {
			print "cancel", pick
		}
	}
}' | while read -r op a b c d e; do
	case $op in
	book)
		set -- book --date "$a" --start "$b" --channel "$d" --org 1 --contact "連絡者$seed"
		[ "$c" != - ] && set -- "$@" --staff "$c"
		[ "$e" != - ] && set -- "$@" --room "$e"
		out=$("$MADOGUCHI_BIN" "$@" 2>>"$errlog")
		rc=$?
		if [ $rc -eq 0 ]; then
			echo "book $out $a $b" >>"$log"
			echo "$out" >>"$ids"
		fi
		;;
	move|cancel)
		n=$(wc -l <"$ids")
		[ "$n" -eq 0 ] && continue
		id=$(sed -n "$((a % n + 1))p" "$ids")
		if [ $op = move ]; then
			out=$("$MADOGUCHI_BIN" move "$id" --date "$b" --start "$c" 2>>"$errlog")
			rc=$?
			# a move to where it already is writes nothing
			case $rc:$out in
			0:*unchanged*) echo "same $id $b $c" >>"$log" ;;
			0:*) echo "move $id $b $c" >>"$log" ;;
			esac
		else
			"$MADOGUCHI_BIN" cancel "$id" >/dev/null 2>>"$errlog"
			rc=$?
			if [ $rc -eq 0 ]; then
				echo "cancel $id" >>"$log"
				grep -vx "$id" "$ids" >"$ids.new"; mv "$ids.new" "$ids"
			fi
		fi
		;;
	esac
	if [ $rc -eq 1 ]; then
		echo "refused $op" >>"$log"
	elif [ $rc -ne 0 ]; then
		echo "ERROR $op $rc $(tail -1 "$errlog")" >>"$log"
	fi
done
