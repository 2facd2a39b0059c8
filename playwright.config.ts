/**
 * End-to-end tests: real Chromium against the production build (`npm run build` first;
 * `npm run test:e2e` builds when .next/BUILD_ID is missing).
 *
 * The web server is `npm start` on a free port with a fresh temporary DATA_DIR (embedded
 * database) and the demo organization seeded; the demo API key it writes to
 * `$DATA_DIR/demo-credentials.json` is what the specs use to arrange and check data.
 *
 *   npm run test:e2e                         # build if needed, then the whole suite
 *   npx playwright test e2e/booking.spec.ts  # one file (the build must exist)
 *   E2E_BASE_URL=http://localhost:3000 E2E_API_KEY=rsk_… npx playwright test
 *                                            # against a server you started (demo seed)
 *
 * Other knobs: CHROMIUM (browser binary, default /usr/bin/chromium), E2E_TIMEZONE (the
 * browser's zone, default Europe/London: the demo salon's), E2E_KEEP_DATA=1 (keep the
 * temporary data directory), E2E_PORT.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// The config is evaluated by the runner and again by each worker: values decided here are
// put in process.env so the workers (which inherit it) agree with the runner.
function freePort(): string {
  return execFileSync(process.execPath, [
    '-e',
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ])
    .toString()
    .trim();
}

const external = process.env.E2E_BASE_URL;
if (!external && !process.env.E2E_DATA_DIR) {
  process.env.E2E_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'reservations-e2e-'));
  process.env.E2E_OWN_DATA_DIR = '1';
}
const port = (process.env.E2E_PORT ??= external ? '0' : freePort());
const baseURL = external ?? `http://localhost:${port}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // Two cores: one browser at a time, and the server gets the other core.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  globalTeardown: './e2e/global-teardown.ts',
  use: {
    baseURL,
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: process.env.E2E_TIMEZONE ?? 'Europe/London',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
  },
  webServer: external
    ? undefined
    : {
        command: 'npm start',
        url: `${baseURL}/sign-in`,
        reuseExistingServer: false,
        timeout: 180_000,
        stdout: 'ignore',
        stderr: 'pipe',
        env: {
          DATA_DIR: process.env.E2E_DATA_DIR!,
          DATABASE_URL: '',
          SEED_DEMO: '1',
          BETTER_AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-12',
          PORT: port,
          // Production refuses to start without its public URL (links in emails and .ics).
          APP_URL: baseURL,
          LOG_LEVEL: 'silent',
          NEXT_TELEMETRY_DISABLED: '1',
          // The whole suite signs in and books from one address within minutes.
          SIGN_IN_PER_MINUTE_IP: '1000',
          SIGN_IN_PER_MINUTE_ACCOUNT: '1000',
          SIGN_UP_PER_MINUTE_IP: '1000',
          RATE_LIMIT_PUBLIC_PER_MINUTE: '1000',
        },
      },
});
