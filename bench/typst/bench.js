// bench.js compiles the Typst copies of the Cái Răng letter written by
// `go run ./bench/typst` to PDF bytes in this process, with the Typst
// compiler that @myriaddreamin/typst-ts-node-compiler embeds, and prints
// one JSON line: milliseconds per letter (wall and CPU) for each timed
// round, PDF sizes, page counts and memory.
//
//   node bench.js DIR [rounds] [evict-max-age] [cycle]
//
// DIR holds src/NNN.typ and fonts/ (the only font directory Typst is
// given). Typst memoizes across compilations (comemo): a source compiled
// before would come back from the cache almost for free, so every letter
// is compiled exactly once here. Of the letters, round r times the 200
// numbered r*200 … r*200+199 (round 0: the 200 BenchmarkCaiRang200 uses),
// and the 200 after the last round are the warm-up; DIR must hold
// 200*(rounds+1) letters. What Typst may reuse from one letter in the
// next (unchanged paragraphs, fonts) it reuses, as bhytdoc reuses its
// parsed fonts.
//
// After each letter the memo cache is evicted with the given max age
// (typst's own CLI evicts with 10 after each compilation in watch mode),
// which keeps memory bounded in a long-running process; the eviction is
// timed. -1 never evicts: memory grows with every letter.
//
// BENCH_PER (default 200) sets the letters in a round; bench/peers.sh
// uses fewer to keep its rounds short.
//
// "cycle" instead times the same 200 letters again and again, as
// BenchmarkCaiRang200 cycles through its copies; for Typst without
// eviction that measures whole-document cache hits, not compiling a
// letter, and is reported only to show the difference.
'use strict';
const fs = require('fs');
const path = require('path');
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');

const dir = process.argv[2];
const rounds = Number(process.argv[3] || 3);
const maxAge = Number(process.argv[4] || 10);
const cycle = process.argv[5] === 'cycle';
if (!dir || !(rounds >= 1 && rounds <= 50) || !(maxAge >= -1)) {
  console.error("usage: node bench.js DIR [rounds 1..50] [evict-max-age, -1: never]");
  process.exit(2);
}
// TYPST_PDF_TAGS=0 leaves out the tagged-PDF structure Typst writes by
// default (bhytdoc writes none).
const pdfTags = process.env.TYPST_PDF_TAGS !== '0';
const srcDir = path.join(dir, 'src');
const names = fs.readdirSync(srcDir).filter((n) => n.endsWith('.typ')).sort();
if (names.length === 0) {
  console.error(`bench.js: no .typ files in ${srcDir}`);
  process.exit(1);
}
const sources = names.map((n) => fs.readFileSync(path.join(srcDir, n), 'utf8'));

const compiler = NodeCompiler.create({
  workspace: srcDir,
  fontArgs: [{ fontPaths: [path.join(dir, 'fonts')] }],
});

// compileOne returns the PDF of source i and its page count, or exits
// with Typst's diagnostics.
function compileOne(i) {
  const res = compiler.compile({ mainFileContent: sources[i] });
  if (res.hasError() || !res.result) {
    console.error(`bench.js: ${names[i]} does not compile:`);
    res.printErrors();
    process.exit(1);
  }
  const doc = res.result;
  const pdf = compiler.pdf(doc, { pdfTags });
  if (maxAge >= 0) compiler.evictCache(maxAge);
  return { pdf, pages: doc.numOfPages };
}

const versionRes = compiler.compile({ mainFileContent: '#metadata(str(sys.version)) <v>' });
const typstVersion = compiler.query(versionRes.result, { selector: '<v>', field: 'value' })[0];

const per = Number(process.env.BENCH_PER || 200);
if (!(per >= 1 && per <= 1000)) {
  console.error('bench.js: BENCH_PER wants 1..1000');
  process.exit(2);
}
const need = cycle ? per : per * (rounds + 1);
if (sources.length < need) {
  console.error(`bench.js: ${rounds} rounds need ${need} letters in ${srcDir}, found ${sources.length}`);
  process.exit(1);
}
const from = (r) => (cycle ? 0 : r * per); // first letter of round r
for (let i = from(rounds); i < from(rounds) + per; i++) compileOne(i); // warm-up

// Sizes and page counts of the timed letters (every letter must have the
// same number of pages for the comparison to hold).
const sizes = [];
const pageCounts = new Set();
let first = null;
const wallMs = [];
const cpuMs = [];
const rssStart = process.memoryUsage().rss;
for (let r = 0; r < rounds; r++) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = from(r); i < from(r) + per; i++) {
    const { pdf, pages } = compileOne(i);
    sizes.push(pdf.length);
    pageCounts.add(pages);
    if (i === 0) first = pdf;
  }
  const t1 = process.hrtime.bigint();
  const c1 = process.cpuUsage(c0); // microseconds, all threads of the process
  wallMs.push(Number(t1 - t0) / 1e6 / per);
  cpuMs.push((c1.user + c1.system) / 1e3 / per);
}
const rssEnd = process.memoryUsage().rss;
if (process.env.TYPST_PDF_OUT) fs.writeFileSync(process.env.TYPST_PDF_OUT, first);

// Threads the process ended with (Typst may compile on worker threads;
// cpuUsage counts them all).
let threads = null;
try {
  const m = /Threads:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  if (m) threads = Number(m[1]);
} catch (e) { /* not Linux */ }

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};
console.log(JSON.stringify({
  typst: typstVersion,
  binding: require('@myriaddreamin/typst-ts-node-compiler/package.json').version,
  node: process.version,
  compiled: rounds * per, // letters compiled in the timed rounds
  pages: [...pageCounts],
  bytesMin: Math.min(...sizes),
  bytesMax: Math.max(...sizes),
  bytesMean: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length),
  wallMs,
  cpuMs,
  wallMsMedian: median(wallMs),
  cpuMsMedian: median(cpuMs),
  threads,
  rssStartMiB: Math.round(rssStart / 1048576),
  rssEndMiB: Math.round(rssEnd / 1048576),
  evictMaxAge: maxAge,
  pdfTags,
  cycle,
}));
