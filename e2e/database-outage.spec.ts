import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import {
  postgresBinDir,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../tests/helpers/throwaway-postgres';
import { ADMIN } from './support';

/**
 * The pages while the database is really away (issue "When the database goes away"): a second
 * production server (`npm start`) on a PostgreSQL of the spec's own, which is stopped as in a
 * power cut while a visitor and a staff member load pages. They see the calm "can't reach the
 * server" state — never Next's error page — and the page comes back by itself once PostgreSQL
 * is started again. (e2e/offline.spec.ts covers the in-page reads and writes with answers
 * replayed by `page.route`.)
 */
const test = base.extend({});
test.skip(!postgresBinDir(), 'needs the PostgreSQL binaries for a throwaway cluster');
test.describe.configure({ mode: 'serial' });

let pg: ThrowawayPostgres;
let server: ChildProcess;
let baseURL: string;
let dataDir: string;

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as import('node:net').AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  pg = await startThrowawayPostgres();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outage-e2e-'));
  const port = await freePort();
  baseURL = `http://localhost:${port}`;
  server = spawn('npm', ['start'], {
    env: {
      ...process.env,
      DATABASE_URL: pg.url,
      APP_URL: baseURL,
      DATA_DIR: dataDir,
      SEED_DEMO: '1',
      PORT: String(port),
      LOG_LEVEL: 'silent',
      BETTER_AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-12',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 300; i++) {
    const up = await fetch(`${baseURL}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the outage server did not start');
});

test.afterAll(async () => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  pg?.destroy();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Cuts the database, runs `during`, starts it again, and returns. */
async function withDatabaseDown(during: () => Promise<void>) {
  pg.stop('immediate');
  try {
    await during();
  } finally {
    pg.start();
  }
}

async function expectCalm(page: Page) {
  await expect(page.getByText('Can’t reach the server')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Try again now' })).toBeVisible();
  await expect(page.getByText(/Application error|Internal Server Error/i)).toHaveCount(0);
}

test('a booking page opened while the database is down waits calmly and comes back by itself', async ({
  page,
}) => {
  await page.goto(`${baseURL}/book/maple-hair`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await withDatabaseDown(async () => {
    await page.reload();
    await expectCalm(page);
    await page.screenshot({ path: 'e2e/screenshots/outage-booking-page.png', fullPage: true });
  });
  // No reload: the page renders again once /api/health answers.
  await expect(page.getByText('Can’t reach the server')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('the staff pages opened while the database is down wait calmly and come back by themselves', async ({
  page,
}) => {
  await page.goto(`${baseURL}/sign-in`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/reservations');
  await withDatabaseDown(async () => {
    await page.goto(`${baseURL}/catalog`);
    await expectCalm(page);
    await page.screenshot({ path: 'e2e/screenshots/outage-staff-page.png', fullPage: true });
  });
  await expect(page.getByText('Can’t reach the server')).toHaveCount(0, { timeout: 20_000 });
  await expect(page).toHaveURL(/\/catalog/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
