#!/usr/bin/env bash
# peers.sh times the Cái Răng letter (3 A4 pages, four Liberation Serif
# styles) in bhytdoc and in its two peers, in interleaved rounds, and
# prints the median CPU time (user + system) per letter of each and the
# ratios; then the cold start of `bhytdoc render` of the letter.
#
#   bench/peers.sh [-rounds N]      (default 7; about a minute on 2 idle cores)
#
# - bhytdoc: BenchmarkCaiRang200 (200 distinct copies in turn) in the test
#   binary of ./bhytdoc; CPU of a long run minus that of a short one,
#   divided by the difference in letters, so start-up and set-up cancel.
# - plain fpdf: BenchmarkCaiRangPlainFpdf, the same letter drawn with
#   plain calls to stock codeberg.org/go-pdf/fpdf, measured the same way.
# - Typst: bench/typst/bench.js, the in-process Typst compiler on the
#   same copies as Typst sources, each compiled once after a warm-up
#   (see bench/typst/README.md). Skipped, and said so, when its npm
#   package is neither installed nor installable.
# - cold start: `bhytdoc render letter.md`, one whole process per run.
#
# CPU time, not wall time: on a shared machine wall time stretches with
# other work, CPU time much less. The sides alternate within every round
# and their order rotates from round to round.
set -euo pipefail

rounds=7
while [ $# -gt 0 ]; do
	case $1 in
	-rounds) rounds=$2; shift 2 ;;
	*) echo "usage: $0 [-rounds N]" >&2; exit 2 ;;
	esac
done
case $rounds in ''|*[!0-9]*) echo "peers.sh: -rounds wants a number" >&2; exit 2 ;; esac
if [ "$rounds" -lt 1 ] || [ "$rounds" -gt 50 ]; then echo "peers.sh: -rounds 1..50" >&2; exit 2; fi

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

per=100 # Typst letters per round (and as many for its warm-up)
echo "== building (test binary, CLI, inputs)"
(cd "$repo" && go build -o "$work/cputime" ./bench/cputime)
# The CLI as released (internal/release): static, without cgo, which a
# plain go build links for package net, paying the dynamic loader and
# libc at every start (about 1.3 ms of a cold render).
(cd "$repo" && CGO_ENABLED=0 go build -o "$work/cli" ./cmd/bhytdoc)
(cd "$repo" && go test -c -o "$work/bhytdoc.test" ./bhytdoc)
(cd "$repo" && go run ./bench/typst -out "$work/letters" -n $((2 * per)) >/dev/null)

typst=yes
if ! command -v node >/dev/null; then
	typst="no: node not found"
elif [ ! -d "$here/typst/node_modules/@myriaddreamin/typst-ts-node-compiler" ] &&
	! (cd "$here/typst" && npm ci --no-audit --no-fund >"$work/npm.log" 2>&1); then
	typst="no: npm ci in bench/typst failed ($(tail -n1 "$work/npm.log"))"
fi

# cpu BENCH N: CPU milliseconds of the test binary running BENCH N times.
cpu() {
	(cd "$repo/bhytdoc" && "$work/cputime" -q -n 1 -- "$work/bhytdoc.test" -test.run '^$' \
		-test.bench "^$1\$" -test.benchtime "$2x" 2>"$work/cpu.log") ||
		{ cat "$work/cpu.log" >&2; echo "peers.sh: $1 failed" >&2; return 1; }
}
# perletter BENCH SHORT LONG: CPU ms per iteration, start-up cancelled.
perletter() {
	local s l
	s=$(cpu "$1" "$2") l=$(cpu "$1" "$3")
	awk -v s="$s" -v l="$l" -v n=$(($3 - $2)) 'BEGIN { printf "%.3f\n", (l - s) / n }'
}
side() {
	case $1 in
	bhytdoc) perletter BenchmarkCaiRang200 50 650 >>"$work/bhytdoc" ;;
	fpdf) perletter BenchmarkCaiRangPlainFpdf 2 26 >>"$work/fpdf" ;;
	typst)
		[ "$typst" = yes ] || return 0
		(cd "$here/typst" && BENCH_PER=$per node bench.js "$work/letters" 1 10) |
			node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => { const j = JSON.parse(s); console.log(j.cpuMsMedian.toFixed(3), j.typst, j.binding) })' >>"$work/typst"
		;;
	cold) (cd "$work" && "$work/cputime" -q -n 5 -- "$work/cli" render letters/letter.md -o "$work/out" 2>"$work/cold.log") >>"$work/cold" || { cat "$work/cold.log" >&2; return 1; } ;;
	esac
}

: >"$work/bhytdoc" >"$work/fpdf" >"$work/typst" >"$work/cold"
sides=(bhytdoc fpdf typst cold)
for r in $(seq "$rounds"); do
	order=("${sides[@]:$(((r - 1) % 4))}" "${sides[@]:0:$(((r - 1) % 4))}")
	for s in "${order[@]}"; do side "$s"; done
	echo "round $r/$rounds (${order[*]}): bhytdoc $(tail -n1 "$work/bhytdoc"), fpdf $(tail -n1 "$work/fpdf"), typst $(tail -n1 "$work/typst" | awk '{ print $1 }'), cold $(tail -n1 "$work/cold") ms"
done

med() { awk '{ print $1 }' "$1" | sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
b=$(med "$work/bhytdoc") f=$(med "$work/fpdf") t=$(med "$work/typst") c=$(med "$work/cold")
echo
echo "== CPU ms per letter (user+sys), median of $rounds interleaved rounds; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-40s %8s %8s\n' side "ms CPU" "÷ bhytdoc"
printf '%-40s %8s %8s\n' "bhytdoc (BenchmarkCaiRang200)" "$b" 1
printf '%-40s %8s %8s\n' "plain fpdf (BenchmarkCaiRangPlainFpdf)" "$f" "$(awk -v a="$f" -v b="$b" 'BEGIN { printf "%.1f×", a / b }')"
if [ "$typst" = yes ]; then
	printf '%-40s %8s %8s\n' "Typst $(tail -n1 "$work/typst" | awk '{ print $2 " (typst.ts " $3 ")" }')" "$t" "$(awk -v a="$t" -v b="$b" 'BEGIN { printf "%.1f×", a / b }')"
else
	echo "Typst: not measured ($typst)"
fi
echo "cold start, bhytdoc render letter.md (median over $rounds rounds of the median of 5 processes): $c ms CPU"
echo "letter: $(stat -c %s "$work/out/letter.pdf") bytes"
