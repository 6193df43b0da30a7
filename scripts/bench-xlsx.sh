#!/usr/bin/env bash
# Times the workbook of a 100-row annex as whole processes: `bhytdoc
# annex plan` of 100 units (reads the CSV, plans, writes plan.xlsx and
# plan.md) against bench/xlsxpeer, a plain excelize program that reads
# the same CSV and writes the same table with the same cells and styles.
# Rounds alternate the two; each round runs each program BATCH times in a
# row under one /usr/bin/time, so that the 10 ms resolution of its CPU
# figures does not matter. It prints the medians of CPU (user+sys) and
# wall per process. Run from the repository root:
#
#   scripts/bench-xlsx.sh             # ROUNDS=15 BATCH=20 by default
set -euo pipefail
calc() { awk "BEGIN { print $1 }"; }
rounds=${ROUNDS:-15}
batch=${BATCH:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$root" && go build -o "$tmp/bhytdoc" ./cmd/bhytdoc && go build -o "$tmp/xlsxpeer" ./bench/xlsxpeer)
awk 'BEGIN {
	print "STT,Đơn vị,Dân số,Số người tham gia BHYT,Ngày"
	split("Xã,Phường,Thị trấn", kind, ",")
	for (i = 0; i < 100; i++) {
		pop = 1000 + (i * 7919) % 40000
		printf "%d,%s Đơn vị %d,%d,%d,2019-12-31\n", i + 1, kind[i % 3 + 1], i + 1, pop, int(pop * (50 + i % 50) / 100)
	}
}' >"$tmp/units.csv"

bhytdoc_cmd="'$tmp/bhytdoc' annex plan '$tmp/units.csv' --milestone 2020-06-30:85 --milestone 2020-12-31:90 --precision 2 -o '$tmp/out' >/dev/null 2>&1"
peer_cmd="'$tmp/xlsxpeer' '$tmp/units.csv' '$tmp/peer.xlsx'"
# Both must work, and the peer's table must be consistent.
sh -c "$bhytdoc_cmd" && sh -c "$peer_cmd" && "$tmp/bhytdoc" annex check "$tmp/peer.xlsx"

# once NAME CMD: runs CMD batch times; appends "cpu_ms wall_ms" per process.
once() {
	/usr/bin/time -f '%U %S %e' -o "$tmp/time" sh -c "for i in \$(seq $batch); do $2 || exit 1; done"
	read -r u s e <"$tmp/time"
	echo "$(calc "($u + $s) * 1000 / $batch") $(calc "$e * 1000 / $batch")" >>"$tmp/$1"
}
: >"$tmp/bhytdoc.t"
: >"$tmp/peer.t"
for r in $(seq "$rounds"); do
	if [ $((r % 2)) = 1 ]; then
		once bhytdoc.t "$bhytdoc_cmd"
		once peer.t "$peer_cmd"
	else
		once peer.t "$peer_cmd"
		once bhytdoc.t "$bhytdoc_cmd"
	fi
done
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
col() { awk -v k="$2" '{print $k}' "$1" | median; }
echo "100-row annex workbook, whole processes, medians of $rounds rounds of $batch ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-44s %10s %10s\n' program cpu_ms wall_ms
printf '%-44s %10.1f %10.1f\n' "bhytdoc annex plan (plan.xlsx + plan.md)" "$(col "$tmp/bhytdoc.t" 1)" "$(col "$tmp/bhytdoc.t" 2)"
printf '%-44s %10.1f %10.1f\n' "bench/xlsxpeer (plain excelize)" "$(col "$tmp/peer.t" 1)" "$(col "$tmp/peer.t" 2)"
