#!/usr/bin/env bash
# bench.sh compares bhytdoc with the in-process Typst compiler on 200
# distinct copies of the Cái Răng letter (see README.md). Rounds alternate
# the two sides so that load from other processes falls on both alike.
#
#   bench/typst/bench.sh [-rounds N] [-names] [-keep DIR]
#
# Needs go, node ≥ 18, npm (once, for `npm ci`), /usr/bin/time, and
# pdfinfo/pdffonts/pdftotext (poppler-utils) for the fidelity check.
set -euo pipefail

rounds=5
names=
work=
while [ $# -gt 0 ]; do
	case $1 in
	-rounds) rounds=$2; shift 2 ;;
	-names) names=-names; shift ;;
	-keep) work=$2; shift 2 ;;
	*) echo "usage: $0 [-rounds N] [-names] [-keep DIR]" >&2; exit 2 ;;
	esac
done
case $rounds in ''|*[!0-9]*) echo "bench.sh: -rounds wants a number" >&2; exit 2 ;; esac
if [ "$rounds" -lt 1 ] || [ "$rounds" -gt 20 ]; then echo "bench.sh: -rounds 1..20" >&2; exit 2; fi

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
for t in go node npm pdfinfo pdffonts pdftotext /usr/bin/time; do
	command -v "$t" >/dev/null || { echo "bench.sh: $t not found" >&2; exit 1; }
done
[ -d "$here/node_modules/@myriaddreamin/typst-ts-node-compiler" ] || (cd "$here" && npm ci --no-audit --no-fund)
if [ -z "$work" ]; then
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"

bench=BenchmarkCaiRang200
[ -n "$names" ] && bench=BenchmarkCaiRang200Names
echo "== inputs: 200 copies as $bench varies them"
(cd "$repo" && go run ./bench/typst -out "$work/letters" -n 800 $names)
(cd "$repo" && go test -c -o "$work/bhytdoc.test" ./bhytdoc)

# Go: ns/op (wall) from a long run; CPU per letter is the difference of
# user+sys between a long and a short run of the benchmark binary divided
# by the difference in iterations, so that start-up and set-up cancel.
short=1000 long=5000
gobench() { # GOMAXPROCS → "wall_ms cpu_ms B/op allocs/op"
	local p=$1 s l
	s=$(cd "$repo/bhytdoc" && GOMAXPROCS=$p /usr/bin/time -f 'CPU %U %S' "$work/bhytdoc.test" -test.run '^$' \
		-test.bench "^$bench\$" -test.benchmem -test.benchtime ${short}x 2>&1)
	l=$(cd "$repo/bhytdoc" && GOMAXPROCS=$p /usr/bin/time -f 'CPU %U %S' "$work/bhytdoc.test" -test.run '^$' \
		-test.bench "^$bench\$" -test.benchmem -test.benchtime ${long}x 2>&1)
	awk -v s="$s" -v l="$l" -v n=$((long - short)) 'BEGIN {
		split(s, a, "\n"); for (i in a) if (a[i] ~ /^CPU /) { split(a[i], f, " "); cs = f[2] + f[3] }
		split(l, a, "\n"); for (i in a) {
			if (a[i] ~ /^CPU /) { split(a[i], f, " "); cl = f[2] + f[3] }
			if (a[i] ~ /^Benchmark/) { split(a[i], f, " "); ns = f[3]; bop = f[5]; al = f[7] }
		}
		if (ns == "" || cl == "") exit 1
		printf "%.3f %.3f %s %s\n", ns / 1e6, (cl - cs) * 1000 / n, bop, al }'
}

: >"$work/go1" >"$work/go2" >"$work/ty-evict" >"$work/ty-keep" >"$work/ty-cycle"
for r in $(seq "$rounds"); do
	echo "== round $r/$rounds"
	gobench 1 | tee -a "$work/go1"
	gobench 2 | tee -a "$work/go2"
	# Each letter compiled once; memo cache evicted (max age 10) or kept.
	(cd "$here" && TYPST_PDF_OUT="$work/typst-000.pdf" node bench.js "$work/letters" 3 10) | tee -a "$work/ty-evict"
	(cd "$here" && node bench.js "$work/letters" 3 -1) | tee -a "$work/ty-keep"
	# The same 200 letters cycled: whole-document cache hits (see bench.js).
	(cd "$here" && node bench.js "$work/letters" 3 -1 cycle) | tee -a "$work/ty-cycle"
done

# Medians over rounds (the Typst figure of a round is itself the median
# of its three passes over 200 letters).
med() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
col() { awk -v c="$1" '{ print $c }' "$2" | med; }
jcol() { node -e 'for (const l of require("fs").readFileSync(process.argv[1], "utf8").split("\n")) if (l) console.log([].concat(JSON.parse(l)[process.argv[2]]).join("/"))' "$1" "$2"; }
g1w=$(col 1 "$work/go1") g1c=$(col 2 "$work/go1") g2w=$(col 1 "$work/go2") g2c=$(col 2 "$work/go2")
bpages=$(pdfinfo "$work/letters/bhytdoc/000.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
bsizes=$(stat -c %s "$work"/letters/bhytdoc/*.pdf | awk '{ s += $1; if (!m || $1 < m) m = $1; if ($1 > x) x = $1 } END { printf "%d–%d (mean %d)", m, x, s / NR }')
row() { printf '%-44s %8.3f %8.3f %6s %10s  %s\n' "$@"; }

echo
echo "== $bench: ms per letter, median of $rounds rounds ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-44s %8s %8s %6s %10s  %s\n' side wall CPU pages "B/op|RSS" "PDF bytes"
row "bhytdoc GOMAXPROCS=1" "$g1w" "$g1c" "$bpages" "$(tail -n1 "$work/go1" | cut -d' ' -f3)" "$bsizes"
row "bhytdoc GOMAXPROCS=2" "$g2w" "$g2c" "$bpages" "$(tail -n1 "$work/go2" | cut -d' ' -f3)" "$bsizes"
ver=$(jcol "$work/ty-evict" typst | tail -n1) bind=$(jcol "$work/ty-evict" binding | tail -n1)
for m in evict keep cycle; do
	f=$work/ty-$m
	case $m in
	evict) label="Typst $ver, evict(10) after each" ;;
	keep) label="Typst $ver, cache kept" ;;
	cycle) label="Typst $ver, same 200 cycled (cache hits)" ;;
	esac
	row "$label" "$(jcol "$f" wallMsMedian | med)" "$(jcol "$f" cpuMsMedian | med)" "$(jcol "$f" pages | sort -u | paste -sd,)" \
		"$(jcol "$f" rssEndMiB | tail -n1)MiB" "$(jcol "$f" bytesMin | tail -n1)–$(jcol "$f" bytesMax | tail -n1) (mean $(jcol "$f" bytesMean | tail -n1))"
done
tw=$(jcol "$work/ty-evict" wallMsMedian | med) tc=$(jcol "$work/ty-evict" cpuMsMedian | med)
kw=$(jcol "$work/ty-keep" wallMsMedian | med) kc=$(jcol "$work/ty-keep" cpuMsMedian | med)
awk -v tw="$tw" -v tc="$tc" -v kw="$kw" -v kc="$kc" -v w1="$g1w" -v c1="$g1c" -v w2="$g2w" -v c2="$g2c" 'BEGIN {
	fw = tw < kw ? tw : kw; fc = tc < kc ? tc : kc
	printf "faster Typst row ÷ bhytdoc: wall %.1f× (GOMAXPROCS=1), %.1f× (2); CPU %.1f× (1), %.1f× (2)\n", fw / w1, fw / w2, fc / c1, fc / c2 }'
echo "typst.ts binding $bind; Typst process threads: $(jcol "$work/ty-evict" threads | tail -n1) (Node's own included); CPU counts all of them"

echo
echo "== fidelity: copy 000"
for f in "$work/letters/bhytdoc/000.pdf" "$work/typst-000.pdf"; do
	echo "-- $(basename "$(dirname "$f")")/$(basename "$f"): $(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }') pages, $(stat -c %s "$f") bytes"
	pdffonts "$f" 2>/dev/null | tail -n +3 | sed 's/^/   /'
done
words() { pdftotext "$1" - | tr -s ' \t\n\f' '\n' | grep -v '^$' || true; }
words "$work/letters/bhytdoc/000.pdf" >"$work/words-bhytdoc"
words "$work/typst-000.pdf" >"$work/words-typst"
# Reading order differs only where each puts the page number (2, 3).
if diff <(sort "$work/words-bhytdoc") <(sort "$work/words-typst") >"$work/words.diff"; then
	echo "words: identical multisets ($(wc -l <"$work/words-bhytdoc") words)"
else
	echo "words: DIFFER"; head -n 40 "$work/words.diff"
fi
echo "in reading order (only where each puts the page numbers 2 and 3):"; diff "$work/words-bhytdoc" "$work/words-typst" | grep "^[<>]" || true
if pdffonts "$work/typst-000.pdf" 2>/dev/null | tail -n +3 | awk '{ print $1 }' | grep -qv 'LiberationSerif'; then
	echo "Typst used a font other than Liberation Serif" >&2
	exit 1
fi
