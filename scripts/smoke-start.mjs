#!/usr/bin/env node
// `npm run smoke:start`: the README's `npm start`, checked end to end. Starts the demo's Vite server
// on a free port, opens its pages in headless Chromium (playwright-core driving the system
// Chromium) and acts as a payer would: the contact page and the script-tag page (the built bundle
// on a plain page) each pay an invoice by card through the embedded backend; the strict-CSP page is
// served with its header and loads without a violation. Fails on any console error.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { HEADLESS_FLAGS, findChromium } from './chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const chrome = findChromium();
if (!chrome) {
  console.error('No Chromium found (set CHROME_PATH, or: sudo apt-get install -y chromium).');
  process.exit(1);
}

const port = await new Promise((done) => {
  const s = createServer().listen(0, () => {
    const { port: p } = s.address();
    s.close(() => done(p));
  });
});
const base = `http://localhost:${port}`;
const server = spawn(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), '--port', String(port), '--strictPort'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let serverLog = '';
server.stdout.on('data', (d) => (serverLog += d));
server.stderr.on('data', (d) => (serverLog += d));

const failures = [];
const step = (name) => console.log(`- ${name}`);
let browser;
try {
  // The server is up when it answers.
  const deadline = Date.now() + 60000;
  for (;;) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`npm start did not answer on ${base}:\n${serverLog}`);
    await new Promise((r) => setTimeout(r, 250));
  }

  const csp = await fetch(`${base}/csp.html`);
  const policy = csp.headers.get('content-security-policy') ?? '';
  if (!/script-src 'self'/.test(policy) || /unsafe-inline[^;]*;?\s*$/.test(policy.split('script-src')[1]?.split(';')[0] ?? '')) {
    failures.push(`/csp.html is not served with the strict policy: "${policy}"`);
  }

  // With ?stripe-key= the demo uses Stripe: header and <meta> admit Stripe's domains, nothing else.
  const stripeCsp = await fetch(`${base}/csp.html?stripe-key=pk_test_smoke`);
  const stripePolicy = stripeCsp.headers.get('content-security-policy') ?? '';
  const stripeMeta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(await stripeCsp.text())?.[1] ?? '';
  for (const [what, value] of [['header', stripePolicy], ['<meta>', stripeMeta]]) {
    if (!/script-src 'self' https:\/\/js\.stripe\.com/.test(value) || /unsafe-inline/.test(value)) {
      failures.push(`/csp.html?stripe-key=: the ${what} policy does not admit Stripe.js strictly: "${value}"`);
    }
  }

  browser = await chromium.launch({ executablePath: chrome, args: HEADLESS_FLAGS });

  /** Opens a page in a fresh context; collects console errors, page errors and CSP violations. */
  const open = async (path) => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
    });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(`${path}: console: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
    await page.goto(`${base}${path}`);
    return { page, context, errors };
  };

  /** From the list's Pay Now (or the form's first invoice) to the receipt, with a new test card. */
  const payByCard = async (page, { fromList = true } = {}) => {
    if (fromList) await page.getByRole('button', { name: /^Pay Now/ }).first().click({ timeout: 30000 });
    await page.getByRole('heading', { name: 'Make Online Payments' }).waitFor({ timeout: 30000 });
    if (!fromList) await page.getByRole('checkbox', { name: /^Select invoice / }).first().check({ timeout: 30000 });
    await page.getByRole('radio', { name: 'Credit or Debit Card' }).check();
    await page.getByRole('button', { name: 'Enter Card Info' }).click();
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByLabel(/^Expiration/).fill('12 / 34');
    await page.getByLabel(/^CVC/).fill('123');
    await page.getByLabel(/^ZIP/).fill('94107');
    await page.locator('payment-method-modal button[type="submit"]').click();
    await page.getByRole('radio', { name: /ending 4242 \(new\)$/ }).waitFor({ timeout: 30000 });
    await page.getByRole('button', { name: 'Make Payment' }).click();
    await page.getByText('Payment received').first().waitFor({ timeout: 30000 });
  };

  for (const path of ['/contact.html', '/script-tag.html?viewer=contact']) {
    step(`${path}: Pay Now → card → Make Payment → receipt`);
    const { page, context, errors } = await open(path);
    try {
      await payByCard(page);
    } catch (e) {
      failures.push(`${path}: ${e.message.split('\n').slice(0, 3).join(' ')}`);
    }
    failures.push(...errors);
    await context.close();
  }

  step('/csp.html (strict policy header): card payment to the receipt, no violation');
  {
    const { page, context, errors } = await open('/csp.html');
    try {
      await payByCard(page, { fromList: false });
      const violations = await page.evaluate(() => window.__violations);
      if (violations.length) failures.push(`/csp.html: CSP violations: ${violations.join(', ')}`);
    } catch (e) {
      failures.push(`/csp.html: ${e.message.split('\n')[0]}`);
    }
    failures.push(...errors);
    await context.close();
  }

  step('/ (worker): the account search is there');
  {
    const { page, context, errors } = await open('/');
    try {
      // Rendered by <invoice-list> itself (the page's own heading is there before it loads).
      await page.locator('invoice-list').getByRole('search').getByLabel('Search accounts').waitFor({ timeout: 30000 });
    } catch (e) {
      failures.push(`/: ${e.message.split('\n')[0]}`);
    }
    failures.push(...errors);
    await context.close();
  }
} catch (e) {
  failures.push(e.message);
} finally {
  await browser?.close();
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* gone */
  }
}

if (failures.length) {
  console.error(`\nnpm start smoke test failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('npm start smoke test passed: demo served, two card payments made, strict CSP page clean.');
