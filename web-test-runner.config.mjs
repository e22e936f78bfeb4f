// Web Test Runner: every test runs in a real headless Chromium (Debian's, or CHROME_PATH).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { HEADLESS_FLAGS, findChromium } from './scripts/chromium.mjs';

const executablePath = process.env.CHROME_PATH || findChromium();

/** Prints the closing `N passed, N failed` line CI reads. */
function countReporter() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const walk = (suite) => {
    for (const t of suite.tests ?? []) {
      if (t.skipped) skipped++;
      else if (t.passed) passed++;
      else failed++;
    }
    for (const s of suite.suites ?? []) walk(s);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const s of sessions) {
        if (s.testResults) walk(s.testResults);
        // A file that failed to load counts as a failure.
        if (!s.passed && (!s.testResults || (s.errors?.length ?? 0) > 0)) failed++;
      }
    },
    reportTestFileResults() {},
    getTestProgress() { return ''; },
    async stop() {
      console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    },
  };
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  rootDir: '.',
  // One page at a time: a second (hidden) headless page stalls sendKeys and animation frames.
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 10 * 60 * 1000,
  browserStartTimeout: 120000,
  testFramework: { config: { timeout: 20000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          ...HEADLESS_FLAGS,
          // Tests never reach Stripe: Stripe.js fails to load at once, wherever the tests run.
          '--host-resolver-rules=MAP js.stripe.com ~NOTFOUND',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
  middleware: [
    // The msw service worker must be served from the site root.
    function serveWorker(ctx, next) {
      if (ctx.url === '/mockServiceWorker.js') ctx.url = '/public/mockServiceWorker.js';
      return next();
    },
  ],
};
