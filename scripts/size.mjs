#!/usr/bin/env node
// `npm run size`: gzip and brotli sizes of the script-tag bundle and every entry point, with budgets.
// Fails (exit 1) when a budget is exceeded or when demo/test-only code leaked into a production bundle.
// `npm run size -- --dist some/dir` measures another build output instead of dist/.
// `npm run size -- --why` lists what each budgeted bundle is made of (from its source map); this is
// also printed for any bundle over its budget.
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const distArg = process.argv.indexOf('--dist');
const dist = distArg >= 0 ? resolve(process.argv[distArg + 1] ?? '') : new URL('../dist/', import.meta.url).pathname;
if (!existsSync(dist) || !statSync(dist).isDirectory()) {
  console.error(`${dist} is missing: run npm run build first.`);
  process.exit(1);
}
const KB = 1024;
/**
 * gzip targets in bytes, by file (issue 7). Reported every run; they fail the run only with
 * `--strict` until the bundle meets them.
 */
const TARGETS = {
  // issue 7 asks for all four elements + REST backend + schemas, no Stripe.js; measured here: what
  // the script tag loads before anything happens (the file and every chunk it imports statically:
  // <invoice-list> and the other three elements' registration; the pay view comes on demand)
  'pay-invoices.js': 30 * KB,
};
/**
 * gzip ceilings in bytes, by file: CI fails above these. A ratchet — the measured size plus a small
 * margin — so the bundle cannot grow unnoticed while it is brought down to the target. Lower it
 * whenever the bundle shrinks.
 */
const BUDGETS = {
  'pay-invoices.js': 40 * KB, // first load; measured 75.4 KB on 2026-11-25, 60.4 KB on 2026-11-26, 36.4 KB with the pay view on demand
};
/**
 * On-demand chunks reported as "what else loads when…", by the module they come from (matched
 * against the chunk's file name). Reported, not budgeted.
 */
const ON_DEMAND = [
  // <pay-invoices> with its modal and guide (define/on-demand.ts)
  ['showing the pay view (first Pay Now, a page with <pay-invoices>, or when the page is idle)', /^pay-invoices-/],
  // these open inside the pay view: measured on top of it
  ['opening card/bank entry with a Stripe key (then Stripe.js from Stripe)', /^stripe-collector-/, 'pay view'],
  ['opening entry in TEST MODE (no Stripe key)', /^sandbox-collector-/, 'pay view'],
  ['opening "Manage saved methods"', /^saved-methods-/, 'pay view'],
  ['the Spanish catalog', /^es-/],
];
/** Chunks that are not part of "the whole workflow" total (other languages). */
const NOT_IN_TOTAL = /^(es|fr)-/;
/** Strings that only exist in the demo backend or msw: must never ship. */
const FORBIDDEN = [
  ['msw', /mockServiceWorker|setupWorker|MSW_/],
  ['demo-backend', /DemoStore|pay-invoices-demo:v1|X-Demo-Viewer/],
];

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Minified bytes of `code` attributed to each source of its source map, grouped by package (npm)
 * or by folder under src/. Returns [[group, bytes], …], largest first, or null without a map.
 */
function composition(code, mapFile) {
  if (!existsSync(mapFile)) return null;
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const lines = code.split('\n');
  const bytes = new Array(map.sources.length).fill(0);
  let source = 0;
  map.mappings.split(';').forEach((lineMappings, lineNo) => {
    const segments = [];
    let column = 0;
    for (const seg of lineMappings.split(',')) {
      if (!seg) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = BASE64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >> 1) : value >> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) source += values[1];
      segments.push([column, values.length > 1 ? source : -1]);
    }
    const length = (lines[lineNo] ?? '').length;
    segments.forEach(([col, src], i) => {
      if (src >= 0) bytes[src] += (i + 1 < segments.length ? segments[i + 1][0] : length) - col;
    });
  });
  const groups = new Map();
  map.sources.forEach((s, i) => {
    const path = s.replace(/^(\.\.\/)+/, '');
    const npm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const key = npm ? `npm:${npm[1]}` : path.replace(/^(src\/[^/]+\/[^/]+)\/.*/, '$1');
    groups.set(key, (groups.get(key) ?? 0) + bytes[i]);
  });
  return [...groups].filter(([, b]) => b > 0).sort((a, b) => b[1] - a[1]);
}

/** Relative module specifiers a built file imports statically (not `import()`). */
function staticImports(code) {
  const found = new Set();
  const re = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g;
  for (let m; (m = re.exec(code)); ) found.add(m[1]);
  return [...found];
}

/** A built file and every file it loads statically, transitively (absolute paths, in load order). */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const spec of staticImports(readFileSync(file, 'utf8'))) closure(resolve(file, '..', spec), seen);
  return seen;
}

const gzipOf = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const brotliOf = (file) => brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const rows = [];
let failed = false;
for (const file of walk(dist).filter((f) => f.endsWith('.js'))) {
  const name = relative(dist, file);
  const src = readFileSync(file);
  const gzip = gzipSync(src, { level: 9 }).length;
  const brotli = brotliCompressSync(src, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const budget = BUDGETS[name];
  const target = TARGETS[name];
  // Budgets and targets hold for the first load: the file plus every chunk it imports statically,
  // each compressed on its own (as a browser fetches them).
  const firstLoad = budget !== undefined || target !== undefined ? [...closure(file)] : [file];
  const loadGzip = firstLoad.reduce((sum, f) => sum + gzipOf(f), 0);
  const missed = target !== undefined && loadGzip > target;
  const over = (budget !== undefined && loadGzip > budget) || (missed && process.argv.includes('--strict'));
  const text = src.toString('utf8');
  const leaks = FORBIDDEN.filter(([, re]) => re.test(text)).map(([what]) => what);
  if (over || leaks.length) failed = true;
  const why = (budget !== undefined || target !== undefined) && (over || missed || process.argv.includes('--why')) ? composition(text, `${file}.map`) : null;
  rows.push({ name, raw: src.length, gzip, brotli, budget, target, missed, over, leaks, why, firstLoad, loadGzip });
}
rows.sort((a, b) => a.name.localeCompare(b.name));
const fmt = (n) => `${(n / KB).toFixed(1)} KB`;
console.log('file'.padEnd(44), 'raw'.padStart(10), 'gzip'.padStart(10), 'brotli'.padStart(10), '  ceiling / target (gzip)');
for (const r of rows) {
  console.log(
    r.name.padEnd(44),
    fmt(r.raw).padStart(10),
    fmt(r.gzip).padStart(10),
    fmt(r.brotli).padStart(10),
    r.budget ? `  first load ${fmt(r.loadGzip)}: ${fmt(r.budget)} ${r.over ? 'OVER BUDGET' : 'ok'}` : '',
    r.target ? ` / ${fmt(r.target)} ${r.missed ? 'target MISSED' : 'target met'}` : '',
    r.leaks.length ? `  CONTAINS ${r.leaks.join(', ')}` : '',
  );
}
for (const r of rows.filter((x) => x.budget !== undefined || x.target !== undefined)) {
  const files = r.firstLoad.map((f) => relative(dist, f));
  const brotli = r.firstLoad.reduce((sum, f) => sum + brotliOf(f), 0);
  console.log(`\n${r.name} first load (${files.length} file${files.length > 1 ? 's' : ''}: ${files.join(', ')}): ${fmt(r.loadGzip)} gzip, ${fmt(brotli)} brotli`);
  const chunkDir = join(dist, 'pay-invoices-chunks');
  const chunks = existsSync(chunkDir) ? readdirSync(chunkDir).filter((f) => f.endsWith('.js')) : [];
  const payViewChunk = chunks.find((f) => ON_DEMAND[0][1].test(f));
  const payView = payViewChunk ? [...closure(join(chunkDir, payViewChunk))] : [];
  for (const [what, re, after] of ON_DEMAND) {
    const chunk = chunks.find((f) => re.test(f));
    if (!chunk) continue;
    const loaded = after === 'pay view' ? [...r.firstLoad, ...payView] : r.firstLoad;
    const extra = [...closure(join(chunkDir, chunk))].filter((f) => !loaded.includes(f));
    const more = extra.reduce((sum, f) => sum + gzipOf(f), 0);
    console.log(`  + ${fmt(more)} gzip on ${what} (${extra.map((f) => relative(dist, f)).join(', ')})`);
  }
  // Everything the four elements can ever load in one language, each file compressed on its own
  // (Stripe.js aside): what a payer who opens every part of the workflow downloads.
  const all = new Set(r.firstLoad);
  for (const chunk of chunks.filter((f) => !NOT_IN_TOTAL.test(f))) for (const f of closure(join(chunkDir, chunk))) all.add(f);
  r.wholeWorkflowGzip = [...all].reduce((sum, f) => sum + gzipOf(f), 0);
  console.log(`  = ${fmt(r.wholeWorkflowGzip)} gzip for the whole workflow in one language (${all.size} files, no Stripe.js)`);
}
for (const r of rows.filter((x) => x.why)) {
  console.log(`\n${r.name}${r.over ? ' is over budget' : ''}; minified bytes by source (top 15 of ${r.why.length}):`);
  for (const [group, bytes] of r.why.slice(0, 15)) console.log(`  ${fmt(bytes).padStart(9)}  ${group}`);
}
if (!rows.some((r) => r.name === 'pay-invoices.js')) {
  console.error('dist/pay-invoices.js is missing: run npm run build first.');
  failed = true;
}
mkdirSync(new URL('../bench/results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('../bench/results/size.json', import.meta.url),
  JSON.stringify(rows.map(({ why, ...r }) => (why ? { ...r, composition: Object.fromEntries(why) } : r)), null, 2),
);
if (failed) {
  console.error('\nSize check failed: a bundle is over budget or contains demo-only code.');
  process.exit(1);
}
for (const r of rows.filter((x) => x.missed)) {
  console.log(`\nNote: ${r.name} loads ${fmt(r.loadGzip)} gzip at first, over its ${fmt(r.target)} target (not failing; --strict makes it fail).`);
}
console.log('\nAll bundles within their ceilings; no msw or demo-backend code in production bundles.');
