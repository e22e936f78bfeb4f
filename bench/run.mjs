#!/usr/bin/env node
// `npm run bench`: renders the same generated invoices in headless Chromium with a hand-written DOM
// table (the baseline) and with our elements, alternating the two, and reports medians and each
// ratio to the baseline measured in the same run. Prints a table, writes bench/results/latest.json
// (and latest.md). Exit code 0 even when a target is missed, unless --strict is given; 1 when the
// benchmark itself could not run.
//
//   npm run bench                      full run (about 10–20 minutes on 2 cores)
//   npm run bench -- --quick           fewer iterations, no 100,000-row baseline (a smoke run)
//   npm run bench -- --strict          exit 1 when a target is missed
//   npm run bench -- --only list,pay   blocks: render, filter, pay, heap (list = render + filter)
//   npm run bench -- --no-baseline-100k   skip the 100,000-row baseline (about 20 s a render)
//   npm run bench -- --out file.json   write the figures elsewhere (and file.md beside it)
//   CHROME_PATH=/path/to/chrome npm run bench
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { resolve, extname, join, normalize } from 'node:path';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { HEADLESS_FLAGS, findChromium } from '../scripts/chromium.mjs';
import { fmt, fmtRatio, markdownTable, median, ratio, summary, textTable } from './stats.mjs';

const benchDir = import.meta.dirname;
const root = resolve(benchDir, '..');
const resultsDir = join(benchDir, 'results');
const outDir = join(resultsDir, 'dist');

// ------------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
if (flag('--help') || flag('-h')) {
  const lines = readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(1);
  console.log(lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(0);
}
const quick = flag('--quick');
const strict = flag('--strict');
const blocks = new Set((option('--only') ?? 'render,filter,pay,heap').replace('list', 'render,filter').split(','));
const outFile = resolve(option('--out') ?? join(resultsDir, 'latest.json'));

const SIZES = [1_000, 10_000, 100_000];
/** [warm-up runs discarded, measured runs] per side. */
const RUNS = quick
  ? { small: [1, 3], huge: [1, 3], filter: [1, 3], pay: [1, 3], toggles: 5 }
  : { small: [2, 7], huge: [1, 3], filter: [1, 7], pay: [1, 7], toggles: 5 };
const baselineAt100k = !quick && !flag('--no-baseline-100k');

const FLAGS = [...HEADLESS_FLAGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'];

const log = (...a) => console.error('[bench]', ...a);

// ------------------------------------------------------------------------------------------------
// Build the bench page (bench/page.html + page.ts, which imports the elements from ../src)

async function buildPage() {
  log('building the bench page with Vite…');
  await build({
    configFile: false,
    root: benchDir,
    base: './',
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      sourcemap: false,
      target: 'es2022',
      modulePreload: false,
      reportCompressedSize: false,
      rollupOptions: { input: join(benchDir, 'page.html') },
    },
  });
}

// ------------------------------------------------------------------------------------------------
// A tiny static server (cross-origin isolated, so performance.now() has its fine resolution)

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json' };

function serve(dir) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, path === '/' ? 'page.html' : path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// ------------------------------------------------------------------------------------------------
// Machine

function machineInfo(browserVersion) {
  let distro = '';
  try {
    distro = /PRETTY_NAME="?([^"\n]*)"?/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? '';
  } catch {
    // not Linux
  }
  // BENCH_COMMIT names the code when it is benchmarked outside a git checkout (e.g. a `git archive`).
  let commit = process.env.BENCH_COMMIT ?? '';
  if (!commit) {
    try {
      commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
      const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: root, encoding: 'utf8' }).trim();
      if (dirty) commit += ' (src/ has uncommitted changes)';
    } catch {
      // not a git checkout
    }
  }
  const cpus = os.cpus();
  return {
    os: `${distro || os.type()} (${os.type()} ${os.release()}, ${os.arch()})`,
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    cpuCount: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    chromium: browserVersion,
    playwrightCore: JSON.parse(readFileSync(join(root, 'node_modules/playwright-core/package.json'), 'utf8')).version,
    commit,
    date: new Date().toISOString(),
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

// ------------------------------------------------------------------------------------------------
// Running

/**
 * Runs `runOne(side)` for both sides, alternating which goes first, `warmup` times discarded and
 * then `iterations` times kept.
 */
async function alternate(what, [warmup, iterations], runOne) {
  const kept = { baseline: [], ours: [], reference: [] };
  for (let i = 0; i < warmup + iterations; i++) {
    const order = i % 2 === 0 ? ['baseline', 'ours'] : ['ours', 'baseline'];
    for (const side of order) {
      if (side === 'baseline' && runOne.skipBaseline) continue;
      // Ours can be sampled more often where the baseline is too slow to repeat (100,000 rows).
      const times = side === 'ours' ? (runOne.oursPerRun ?? 1) : 1;
      for (let t = 0; t < times; t++) {
        // With a reference, each sample of ours gets one beside it, in alternating order.
        const pairFirst = side === 'ours' && runOne.reference && (i + t) % 2 === 1;
        if (pairFirst) {
          const ref = await runOne.reference();
          if (i >= warmup) kept.reference.push(ref);
        }
        const value = await runOne(side);
        if (i >= warmup) kept[side].push(value);
        if (side === 'ours' && runOne.reference && !pairFirst) {
          const ref = await runOne.reference();
          if (i >= warmup) kept.reference.push(ref);
        }
      }
    }
    log(`${what}: ${i < warmup ? `warm-up ${i + 1}/${warmup}` : `run ${i - warmup + 1}/${iterations}`}`);
  }
  return kept;
}

async function main() {
  const executablePath = findChromium();
  if (!executablePath) {
    console.error('No Chromium found. Install one (apt-get install -y chromium) or set CHROME_PATH.');
    process.exit(1);
  }
  try {
    await buildPage();
  } catch (e) {
    console.error(`\nThe bench page did not build (bench/page.ts imports the elements from src/):\n${e.message}`);
    process.exit(1);
  }
  const server = await serve(outDir);
  const url = `http://127.0.0.1:${server.address().port}/page.html`;
  const browser = await chromium.launch({ executablePath, headless: true, args: FLAGS });
  const machine = machineInfo(browser.version());
  log(`Chromium ${machine.chromium} at ${executablePath}; ${machine.cpuCount} × ${machine.cpuModel}`);

  const raw = {};
  const errors = [];
  let isolated = null;

  async function onPage(fn) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    try {
      await page.goto(url);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30_000 });
      isolated ??= await page.evaluate(() => globalThis.crossOriginIsolated);
      return await fn(page);
    } catch (e) {
      throw new Error(`${e.message}${pageErrors.length ? `\n  page errors: ${pageErrors.join('\n  ')}` : ''}`, { cause: e });
    } finally {
      await context.close();
    }
  }

  async function block(name, fn) {
    try {
      await fn();
    } catch (e) {
      errors.push({ block: name, message: e.message });
      log(`${name} FAILED: ${e.message}`);
    }
  }

  const started = Date.now();

  if (blocks.has('render')) {
    for (const size of SIZES) {
      await block(`render ${size}`, () =>
        onPage(async (page) => {
          await page.evaluate((n) => window.bench.prepare(n), size);
          const runOne = (side) => page.evaluate((s) => window.bench.listFirstRender(s), side);
          runOne.skipBaseline = size >= 100_000 && !baselineAt100k;
          if (size >= 100_000) {
            runOne.oursPerRun = 3;
            // Each sample of ours at 100,000 is paired with one at 10,000 taken beside it, in the
            // same page (both data sets in memory): the 100k-vs-10k target compares those.
            await page.evaluate(() => window.bench.prepareReference(10_000));
            runOne.reference = () => page.evaluate(() => window.bench.listFirstRenderReference());
          }
          raw[`render${size}`] = await alternate(`<invoice-list> first render ${size}`, size >= 100_000 ? RUNS.huge : RUNS.small, runOne);
        }),
      );
    }
  }

  if (blocks.has('filter')) {
    await block('filter/sort', () =>
      onPage(async (page) => {
        await page.evaluate((n) => window.bench.prepare(n), 10_000);
        raw.filterSort = await alternate('<invoice-list> filter + sort 10000', RUNS.filter, (side) =>
          page.evaluate((s) => window.bench.listFilterSort(s), side),
        );
      }),
    );
  }

  if (blocks.has('pay')) {
    await block('pay', () =>
      onPage(async (page) => {
        await page.evaluate((n) => window.bench.prepare(n), 10_000);
        raw.pay = await alternate('<pay-invoices> 10000', RUNS.pay, (side) =>
          page.evaluate(
            async ({ s, toggles }) => {
              const b = window.bench;
              const render = await b.payFirstRender(s);
              const toggle = [];
              for (let i = 0; i < toggles; i++) toggle.push(await b.payToggle(s));
              const all = await b.paySelectAll(s);
              await b.clear();
              return { render, toggle, ...all };
            },
            { s: side, toggles: RUNS.toggles },
          ),
        );
      }),
    );
  }

  if (blocks.has('heap')) {
    for (const view of ['list', 'pay']) {
      for (const side of ['baseline', 'ours']) {
        await block(`heap ${view} ${side}`, () =>
          onPage(async (page) => {
            await page.evaluate((n) => window.bench.prepare(n), 10_000);
            log(`heap: five render/clear cycles, ${view} ${side}…`);
            raw[`heap_${view}_${side}`] = await page.evaluate(({ s, v }) => window.bench.heapCycles(s, v, 5), { s: side, v: view });
          }),
        );
      }
    }
  }

  await browser.close();
  server.close();
  machine.loadAverageAtEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
  // The bench itself keeps about 1.5 cores busy, so only the load before it started tells whether
  // something else was competing.
  const busy = machine.loadAverageAtStart[0] > machine.cpuCount / 2;

  // ----------------------------------------------------------------------------------------------
  // Figures

  const metrics = [];
  const pick = (runs, f) => (runs ? runs.map(f) : []);
  const add = (id, label, unit, baselineValues, oursValues, target) => {
    const b = baselineValues.length ? summary(baselineValues) : null;
    const o = oursValues.length ? summary(oursValues) : null;
    const m = { id, label, unit, baseline: b, ours: o, ratio: ratio(o?.median, b?.median), target: null };
    if (target) {
      const value = target.value(m);
      m.target = { text: target.text, value: Number.isFinite(value) ? Math.round(value * 1000) / 1000 : null, pass: Number.isFinite(value) && value <= target.limit };
      if (target.shown) m.target.shown = ` (${target.shown(value)})`;
    }
    m.ratio = Number.isFinite(m.ratio) ? Math.round(m.ratio * 10000) / 10000 : null;
    metrics.push(m);
    return m;
  };
  const k = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));

  for (const size of SIZES) {
    const r = raw[`render${size}`];
    if (!r) continue;
    const m = add(
      `list.render.${k(size)}`,
      `<invoice-list> first render, ${size.toLocaleString('en-US')}`,
      'ms',
      pick(r.baseline, (x) => x.ms),
      pick(r.ours, (x) => x.ms),
      size === 10_000 ? { text: '≤ 0.1× baseline', limit: 0.1, value: (mm) => mm.ratio, shown: (v) => `is ${fmtRatio(v)}` } : undefined,
    );
    // 0 = the render completed without yielding to the event loop (no frame could run in between).
    m.detail = { oursTaskYields: pick(r.ours, (x) => x.taskYields) };
  }
  const r10 = raw.render10000;
  const r100 = raw.render100000;
  if (r100?.reference.length) {
    const o100 = median(r100.ours.map((x) => x.ms));
    const ref10 = median(r100.reference.map((x) => x.ms));
    const m = add(
      'list.render.10k-beside-100k',
      '<invoice-list> first render, 10,000, sampled beside the 100,000 ones',
      'ms',
      [],
      r100.reference.map((x) => x.ms),
    );
    m.detail = { oursTaskYields: pick(r100.reference, (x) => x.taskYields) };
    metrics.push({
      id: 'list.render.100k-vs-10k',
      label: '<invoice-list> first render, 100,000 vs our 10,000 (sampled beside it)',
      unit: 'ms',
      baseline: null,
      ours: summary(r100.ours.map((x) => x.ms)),
      ratio: null,
      target: {
        text: '≤ 1.3× our 10,000',
        value: Math.round((o100 / ref10) * 1000) / 1000,
        pass: o100 / ref10 <= 1.3,
        shown: ` (is ${fmtRatio(o100 / ref10)} of ${fmt(ref10, 'ms')})`,
      },
      // For comparison: against the 10,000 block, measured minutes earlier (drift included).
      detail: r10 ? { versusTenThousandBlock: Math.round((o100 / median(r10.ours.map((x) => x.ms))) * 1000) / 1000 } : undefined,
    });
  }
  if (raw.filterSort) {
    add('list.filter.10k', '<invoice-list> status filter Open → All, 10,000', 'ms', pick(raw.filterSort.baseline, (x) => x.filter), pick(raw.filterSort.ours, (x) => x.filter));
    add('list.sort.10k', '<invoice-list> sort by balance (after filter), 10,000', 'ms', pick(raw.filterSort.baseline, (x) => x.sort), pick(raw.filterSort.ours, (x) => x.sort));
  }
  if (raw.pay) {
    const p = raw.pay;
    const pr = add('pay.render.10k', '<pay-invoices> first render, 10,000', 'ms', pick(p.baseline, (x) => x.render.ms), pick(p.ours, (x) => x.render.ms));
    pr.detail = { oursTaskYields: pick(p.ours, (x) => x.render.taskYields) };
    add('pay.toggle.10k', '<pay-invoices> toggle one row, 10,000', 'ms', p.baseline.flatMap((x) => x.toggle), p.ours.flatMap((x) => x.toggle), {
      text: '≤ 16 ms',
      limit: 16,
      value: (m) => m.ours?.median,
    });
    add('pay.selectAll.10k', '<pay-invoices> select all + totals, 10,000', 'ms', pick(p.baseline, (x) => x.select), pick(p.ours, (x) => x.select), {
      text: '≤ 50 ms',
      limit: 50,
      value: (m) => m.ours?.median,
    });
    add('pay.unselectAll.10k', '<pay-invoices> unselect all + totals, 10,000', 'ms', pick(p.baseline, (x) => x.unselect), pick(p.ours, (x) => x.unselect));
  }
  const nodeTarget = { text: '≤ 2,000', limit: 2000, value: (m) => m.ours?.max, shown: (v) => `max ${fmt(v, 'nodes')}` };
  for (const size of SIZES) {
    const r = raw[`render${size}`];
    if (!r) continue;
    add(`list.nodes.${k(size)}`, `<invoice-list> DOM nodes, ${size.toLocaleString('en-US')}`, 'nodes', pick(r.baseline, (x) => x.nodes), pick(r.ours, (x) => x.nodes), nodeTarget);
  }
  if (raw.filterSort) {
    add('list.nodes.filtered.10k', '<invoice-list> DOM nodes after filter + sort (15,000 match)', 'nodes', pick(raw.filterSort.baseline, (x) => x.nodes), pick(raw.filterSort.ours, (x) => x.nodes), nodeTarget);
  }
  if (raw.pay) {
    add('pay.nodes.10k', '<pay-invoices> DOM nodes, 10,000', 'nodes', pick(raw.pay.baseline, (x) => x.render.nodes), pick(raw.pay.ours, (x) => x.render.nodes));
  }
  for (const size of SIZES) {
    const r = raw[`render${size}`];
    if (!r) continue;
    add(`list.heap.${k(size)}`, `<invoice-list> JS heap of the view, ${size.toLocaleString('en-US')}`, 'bytes', pick(r.baseline, (x) => x.heapDelta), pick(r.ours, (x) => x.heapDelta));
  }
  if (raw.pay) {
    add('pay.heap.10k', '<pay-invoices> JS heap of the view, 10,000', 'bytes', pick(raw.pay.baseline, (x) => x.render.heapDelta), pick(raw.pay.ours, (x) => x.render.heapDelta));
  }
  for (const view of ['list', 'pay']) {
    const b = raw[`heap_${view}_baseline`];
    const o = raw[`heap_${view}_ours`];
    if (!b && !o) continue;
    const growth = (h) => (h ? [h.rendered[h.rendered.length - 1] / h.rendered[0]] : []);
    const tag = view === 'list' ? '<invoice-list>' : '<pay-invoices>';
    const m = add(`${view}.heapCycles.10k`, `${tag} heap after 5 render/clear cycles ÷ after the 1st, 10,000`, 'ratio', growth(b), growth(o), {
      text: '≤ 1.1×',
      limit: 1.1,
      value: (mm) => mm.ours?.median,
    });
    m.ratio = null;
    m.detail = { baseline: b ?? null, ours: o ?? null };
  }

  // ----------------------------------------------------------------------------------------------
  // Report

  const cell = (m, s) => {
    const v = m[s]?.median;
    if (m.unit === 'ratio') return Number.isFinite(v) ? fmtRatio(v) : '—';
    return fmt(v, m.unit);
  };
  const header = ['metric', 'baseline (median)', 'ours (median)', 'ratio', 'target', 'result'];
  const rows = metrics.map((m) => [
    m.label,
    cell(m, 'baseline'),
    cell(m, 'ours'),
    fmtRatio(m.ratio ?? Number.NaN),
    m.target ? `${m.target.text}${m.target.shown ?? ''}` : '',
    m.target ? (m.target.pass ? 'pass' : 'FAIL') : '',
  ]);
  const targets = metrics.filter((m) => m.target);
  const failed = targets.filter((m) => !m.target.pass);
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);

  console.log('');
  console.log(textTable(header, rows));
  console.log('');
  console.log(`Machine: ${machine.os}; ${machine.cpuCount} × ${machine.cpuModel}; ${machine.memoryGiB} GiB; Node ${machine.node}; Chromium ${machine.chromium}`);
  console.log(`Timer: ${isolated ? 'cross-origin isolated (fine resolution)' : 'not isolated (100 µs resolution)'}; ${quick ? 'QUICK run (few iterations)' : 'full run'}; ${minutes} min`);
  if (busy) {
    console.log(
      `WARNING: the machine was busy before the bench started (load average ${machine.loadAverageAtStart[0]}, ${machine.cpuCount} CPUs): absolute times may be inflated; re-run on a quiet machine.`,
    );
  }
  console.log(`Targets: ${targets.length - failed.length}/${targets.length} met${failed.length ? ` — missed: ${failed.map((m) => m.id).join(', ')}` : ''}`);
  for (const e of errors) console.log(`ERROR in ${e.block}: ${e.message}`);

  const result = {
    machine,
    settings: {
      quick,
      runs: RUNS,
      baselineAt100k,
      sizes: SIZES,
      viewport: '1280×800',
      crossOriginIsolated: isolated,
      chromiumFlags: FLAGS,
      machineWasBusy: busy,
      note: 'size N = N open invoices (+ N/2 paid ones, seen only with the status filter on Paid/All)',
    },
    metrics,
    targets: { met: targets.length - failed.length, total: targets.length, missed: failed.map((m) => m.id) },
    errors,
  };
  await mkdir(resultsDir, { recursive: true });
  await writeFile(outFile, `${JSON.stringify(result, null, 2)}\n`);
  const md = [
    markdownTable(header, rows),
    '',
    `Machine: ${machine.os}; ${machine.cpuCount} × ${machine.cpuModel}; ${machine.memoryGiB} GiB RAM; Node ${machine.node}; Chromium ${machine.chromium} (headless); commit ${machine.commit || 'n/a'}; ${machine.date}.`,
  ].join('\n');
  await writeFile(outFile.replace(/\.json$/, '.md'), `${md}\n`);
  console.log(`\nWrote ${outFile}`);

  if (errors.length) process.exit(1);
  if (strict && failed.length) process.exit(1);
}

if (!existsSync(join(root, 'node_modules'))) {
  console.error('Run npm ci first.');
  process.exit(1);
}
await main();
