import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { client } from '../helpers/api';

/**
 * `npm run -s org:create` as a user runs it: a separate process, one JSON line on stdout,
 * a clear message on stderr and a non-zero exit for bad arguments. On PostgreSQL the printed
 * key is then used against the API (same database); on the embedded database the CLI gets
 * a throwaway data directory of its own.
 */
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..');

async function orgCreate(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
  if (!process.env.DATABASE_URL)
    env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'org-create-'));
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/org-create.ts', ...args],
      { cwd: root, env },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  } finally {
    if (!process.env.DATABASE_URL) fs.rmSync(env.DATA_DIR!, { recursive: true, force: true });
  }
}

describe('npm run org:create', () => {
  it('prints exactly one JSON line with the organization id and an API key', async () => {
    const suffix = Date.now();
    const r = await orgCreate([
      '--name',
      `CLI Bistro ${suffix}`,
      '--timezone',
      'Europe/Paris',
      '--admin-email',
      `cli-${suffix}@example.test`,
      '--admin-password',
      'long enough password',
    ]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!);
    expect(Object.keys(out).sort()).toEqual(['api_key', 'organization_id']);
    expect(out.organization_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.api_key).toMatch(/^rsk_/);
    if (process.env.DATABASE_URL) {
      const me = await client(out.api_key).get('/organizations/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        id: out.organization_id,
        timezone: 'Europe/Paris',
        name: `CLI Bistro ${suffix}`,
      });
    }
  }, 60_000);

  it.each([
    ['an unknown timezone', ['--name', 'X', '--timezone', 'Mars/Olympus'], /time zone/i],
    ['a missing name', ['--timezone', 'UTC'], /--name is required/],
    ['a missing timezone', ['--name', 'X'], /--timezone is required/],
    [
      'an email without a password',
      ['--name', 'X', '--timezone', 'UTC', '--admin-email', 'a@b.test'],
      /go together/,
    ],
    [
      'an unknown option',
      ['--name', 'X', '--timezone', 'UTC', '--colour', 'red'],
      /unknown option/i,
    ],
  ])(
    'refuses %s with a message on stderr and a non-zero exit',
    async (_label, args, message) => {
      const r = await orgCreate(args);
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    },
    60_000,
  );
});
