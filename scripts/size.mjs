#!/usr/bin/env node
// `npm run size`: gzip and brotli sizes of the script-tag bundle and every entry point, with budgets.
// Fails (exit 1) when a budget is exceeded or when demo/test-only code leaked into a production bundle.
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const KB = 1024;
/** gzip budgets in bytes, by file. */
const BUDGETS = {
  'pay-invoices.js': 30 * KB, // all four elements + REST backend + schemas, no Stripe.js
};
/** Strings that only exist in the demo backend or msw: must never ship. */
const FORBIDDEN = [
  ['msw', /mockServiceWorker|setupWorker|MSW_/],
  ['demo-backend', /DemoStore|pay-invoices-demo:v1|X-Demo-Viewer/],
];

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
  const over = budget !== undefined && gzip > budget;
  const text = src.toString('utf8');
  const leaks = FORBIDDEN.filter(([, re]) => re.test(text)).map(([what]) => what);
  if (over || leaks.length) failed = true;
  rows.push({ name, raw: src.length, gzip, brotli, budget, over, leaks });
}
rows.sort((a, b) => a.name.localeCompare(b.name));
const fmt = (n) => `${(n / KB).toFixed(1)} KB`;
console.log('file'.padEnd(44), 'raw'.padStart(10), 'gzip'.padStart(10), 'brotli'.padStart(10), '  budget (gzip)');
for (const r of rows) {
  console.log(
    r.name.padEnd(44),
    fmt(r.raw).padStart(10),
    fmt(r.gzip).padStart(10),
    fmt(r.brotli).padStart(10),
    r.budget ? `  ${fmt(r.budget)} ${r.over ? 'OVER BUDGET' : 'ok'}` : '',
    r.leaks.length ? `  CONTAINS ${r.leaks.join(', ')}` : '',
  );
}
if (!rows.some((r) => r.name === 'pay-invoices.js')) {
  console.error('dist/pay-invoices.js is missing: run npm run build first.');
  failed = true;
}
mkdirSync(new URL('../bench/results/', import.meta.url), { recursive: true });
writeFileSync(new URL('../bench/results/size.json', import.meta.url), JSON.stringify(rows, null, 2));
if (failed) {
  console.error('\nSize check failed: a bundle is over budget or contains demo-only code.');
  process.exit(1);
}
console.log('\nAll bundles within budget; no msw or demo-backend code in production bundles.');
