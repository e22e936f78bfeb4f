#!/usr/bin/env node
// `npm run check:package` (after `npm run build`): type-checks a small consumer against the package
// as an app installs it — `pay-invoices` resolved through its package.json `exports` to the built
// declarations in dist/types. Fails when an entry has no types or the types lost their meaning
// (the consumer contains lines that must NOT compile: `@ts-expect-error`).
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = resolve(import.meta.dirname, '..');
if (!existsSync(join(root, 'dist/types/index.d.ts'))) {
  console.error('dist/types is missing: run npm run build first.');
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'pay-invoices-consumer-'));
try {
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'pay-invoices'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      files: ['consumer.ts'],
    }),
  );
  writeFileSync(
    join(dir, 'consumer.ts'),
    `import { InvoiceList, PayInvoices, RestBackend, provideBackend, type PayNowDetail } from 'pay-invoices';
import { RestBackend as BackendOnly } from 'pay-invoices/backend';
import { formatMoney } from 'pay-invoices/core';
import { deferredStripeCollector } from 'pay-invoices/pay-invoices.js';
import 'pay-invoices/define/invoice-list.js';

// Tag and event maps reach the app.
const list: InvoiceList | null = document.querySelector('invoice-list');
const pay: PayInvoices | null = document.querySelector('pay-invoices');
list?.addEventListener('pay-now', (event) => {
  const detail: PayNowDetail = event.detail;
  console.log(detail.invoiceNumber.toUpperCase());
});
pay?.addEventListener('payment-complete', (event) => console.log(event.detail.total.toFixed(0)));
if (list) list.backend = new RestBackend({ baseUrl: '/api/pay/v1' });
if (pay) pay.collector = deferredStripeCollector({ publishableKey: 'pk_test_123' });
provideBackend(document.body, new BackendOnly({ baseUrl: '/api/pay/v1' }));
console.log(formatMoney(1250, 'USD', 'en-US').length);

// The types mean something: each of these must fail to compile.
// @ts-expect-error an event detail has no such field
pay?.addEventListener('payment-complete', (event) => event.detail.cardNumber);
// @ts-expect-error money is formatted from a number of minor units
formatMoney('12.50', 'USD', 'en-US');
// @ts-expect-error a backend needs its options
new RestBackend();
`,
  );
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], {
    encoding: 'utf8',
  });
  if (tsc.status !== 0) {
    console.error(tsc.stdout, tsc.stderr);
    console.error('The package types do not serve a consumer (see above).');
    process.exit(1);
  }
  console.log('package types: a consumer of pay-invoices, /backend, /core, /pay-invoices.js and /define/*.js type-checks.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
