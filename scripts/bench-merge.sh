#!/usr/bin/env bash
# Measures bhytdoc merge as offices run it, whole processes on this
# machine, and prints a small table against the targets of issue 21:
#
#   merge -o DIR      1.000 and 10.000 letters: pages/s (wall and CPU),
#                     the 10k/1k time ratio (target <= 11, >= 1.500 pages/s)
#   merge --combined  10.000 letters in one PDF (target >= 3.000 pages/s)
#   merge --combined  100.000 letters: peak RSS (target <= 200 MB)
#
# It builds bhytdoc into a fresh temporary directory, writes the units
# there (a plan of N communes, one letter each, as BenchmarkMerge does)
# and removes everything at the end (up to 1.5 GB at the default sizes
# and 3 rounds). Run it from the repository root on
# a quiet machine; it takes 2–4 minutes on 2 cores. ROUNDS (default 3)
# repeats the 1.000 and 10.000 runs, interleaved, and reports medians;
# SKIP_100K=1 leaves out the 100.000-letter run. SMALL, LARGE and HUGE
# (1000, 10000, 100000) change the sizes, to try the script quickly.
# BHYTDOC=path measures that binary instead of building one, so that two
# builds can be compared in the same minutes (BASE=path, a second binary,
# is run after it in every round and reported beside it).
#
#   scripts/bench-merge.sh            # or: nice scripts/bench-merge.sh
set -euo pipefail
calc() { awk "BEGIN { print $1 }"; }
rounds=${ROUNDS:-3}
small=${SMALL:-1000}
large=${LARGE:-10000}
huge=${HUGE:-100000}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 1; }

if [ -n "${BHYTDOC:-}" ]; then
	cp "$BHYTDOC" "$tmp/bhytdoc"
else
	(cd "$root" && go build -o "$tmp/bhytdoc" ./cmd/bhytdoc)
fi
bins=(bhytdoc)
if [ -n "${BASE:-}" ]; then
	cp "$BASE" "$tmp/base"
	bins+=(base)
fi
cp "$root/cmd/bhytdoc/testdata/merge-common.json" "$tmp/common.json"

# units N: N communes with plausible, all different figures.
units() {
	awk -v n="$1" 'BEGIN {
		print "STT,Đơn vị,Dân số,Số người tham gia BHYT,Ngày"
		for (i = 0; i < n; i++) {
			pop = 4000 + (i * 7919) % 12000
			part = int(pop * (950 + i % 45) / 1000)
			printf "%d,Phường Số %d,%d,%d,2018-12-31\n", i + 1, i + 1, pop, part
		}
	}' >"$tmp/units$1.csv"
}

# run N MODE: one merge of N letters, MODE "dir" or "combined"; prints
# "pages wall cpu rss_kb". Each run writes into a new directory, removed
# only at the end: on ext4 without a journal (as on this machine) a file
# created within 30 s of many deletions in its block group scans past
# every recently freed inode (ext4 recently_deleted: up to 0.8 ms per
# create under perf), so removing one run's 10,000 files just before the
# next would charge the next run for this script's clean-up.
seq=0
run() {
	local n=$1 mode=$2 bin=${3:-bhytdoc} out target
	seq=$((seq + 1))
	out="$tmp/out$seq"
	if [ "$mode" = dir ]; then target=(-o "$out"); else target=(--combined "$out/all.pdf"); fi
	/usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$tmp/$bin" merge cong-van-xa-bhyt \
		--data "$tmp/common.json" --rows "$tmp/units$n.csv" \
		--milestone 2019-12-31:99,5 --milestone 2020-12-31:100 \
		--name '{{.DonVi}}' --number-from 1 "${target[@]}" >/dev/null 2>"$tmp/err" ||
		{ cat "$tmp/err" >&2; exit 1; }
	local pages
	pages=$(grep -oE '[0-9]+ documents, [0-9]+ pages' "$tmp/err" | awk '{print $3}')
	[ -n "$pages" ] || { echo "no summary from merge:" >&2; cat "$tmp/err" >&2; exit 1; }
	if [ "$mode" = dir ]; then
		local files
		files=$(find "$out" -maxdepth 1 -type f -name '*.pdf' | wc -l)
		[ "$files" -eq "$n" ] || { echo "merge -o wrote $files files for $n rows" >&2; exit 1; }
	fi
	read -r wall user sys rss <"$tmp/time"
	echo "$pages $wall $(calc "$user + $sys") $rss"
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

units "$small"
units "$large"
[ "${SKIP_100K:-}" = 1 ] || units "$huge"

for b in "${bins[@]}"; do
	: >"$tmp/r1k.$b"
	: >"$tmp/r10k.$b"
	: >"$tmp/rc10k.$b"
done
for r in $(seq "$rounds"); do
	echo "round $r/$rounds" >&2
	for b in "${bins[@]}"; do
		run "$small" dir "$b" >>"$tmp/r1k.$b"
		run "$large" dir "$b" >>"$tmp/r10k.$b"
		run "$large" combined "$b" >>"$tmp/rc10k.$b"
	done
done

# col FILE K: median of column K.
col() { awk -v k="$2" '{print $k}' "$1" | median; }
row() { # label file target
	local pages wall cpu
	pages=$(col "$2" 1)
	wall=$(col "$2" 2)
	cpu=$(col "$2" 3)
	printf '%-28s %8d %8.2f %8.2f %10.0f %10.0f  %s\n' "$1" "$pages" "$wall" "$cpu" \
		"$(calc "$pages / $wall")" "$(calc "$pages / $cpu")" "$3"
}
for b in "${bins[@]}"; do
	echo
	label="bhytdoc merge"
	[ "$b" = base ] && label="BASE ($BASE)"
	echo "$label, $(nproc) cores, medians of $rounds rounds ($(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg))"
	printf '%-28s %8s %8s %8s %10s %10s  %s\n' run pages wall_s cpu_s pages/s pages/cpu-s target
	row "merge -o, $small letters" "$tmp/r1k.$b" ""
	row "merge -o, $large letters" "$tmp/r10k.$b" ">= 1500 pages/s"
	row "merge --combined, $large" "$tmp/rc10k.$b" ">= 3000 pages/s"
	printf '%-28s %8.2f (wall) %8.2f (cpu)  %s\n' "$large/$small time ratio, -o" \
		"$(calc "$(col "$tmp/r10k.$b" 2) / $(col "$tmp/r1k.$b" 2)")" \
		"$(calc "$(col "$tmp/r10k.$b" 3) / $(col "$tmp/r1k.$b" 3)")" "<= 11"
done
if [ "${SKIP_100K:-}" != 1 ]; then
	run "$huge" combined >"$tmp/r100k"
	read -r pages wall cpu rss <"$tmp/r100k"
	printf '%-28s %8d pages %8.2f s wall %8.2f s cpu, peak RSS %d MB  %s\n' "merge --combined, $huge" \
		"$pages" "$wall" "$cpu" $((rss / 1024)) "<= 200 MB"
fi
