#!/usr/bin/env node
// `npm test`: finds a Chromium (CHROME_PATH, then system paths), installs Debian's when it can,
// builds dist/ (some tests load the built bundle), then runs Web Test Runner. Extra arguments go to the runner (e.g. `npm test -- --files test/core/*.test.ts`).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { findChromium } from './chromium.mjs';

let chrome = findChromium();
if (!chrome && process.env.CHROME_PATH) {
  console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist.`);
  process.exit(1);
}
if (!chrome) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = existsSync('/etc/debian_version') ||
    (existsSync('/etc/os-release') && /debian|ubuntu/i.test(readFileSync('/etc/os-release', 'utf8')));
  if (isRoot && isDebian) {
    console.log('No Chromium found: installing Debian\'s chromium (apt-get install -y chromium)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const up = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    const inst = up.status === 0 && spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env });
    if (!inst || inst.status !== 0) {
      console.error('Installing chromium failed. Install it by hand: apt-get update && apt-get install -y chromium');
      process.exit(1);
    }
    chrome = findChromium();
  }
  if (!chrome) {
    console.error(
      'The tests need a Chromium and none was found.\n' +
      '  On Debian/Ubuntu run: sudo apt-get update && sudo apt-get install -y chromium\n' +
      '  Or point at one:      CHROME_PATH=/path/to/chrome npm test',
    );
    process.exit(1);
  }
}
// Some tests load the built script-tag bundle (dist/pay-invoices.js) as a host page would; the build
// takes a few seconds, so it runs every time and those tests never see a stale bundle.
const built = spawnSync(process.execPath, ['scripts/build.mjs', '--no-types'], { stdio: 'inherit' });
if (built.status !== 0) {
  console.error('npm run build failed; the tests need the built bundle.');
  process.exit(built.status ?? 1);
}
const args = ['web-test-runner', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)];
const res = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome } });
process.exit(res.status ?? 1);
