import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { applyMigrations } from '@/db/migrate';
import * as schema from '@/db/schema';
import type { Db } from '@/db/types';
import { createOrganization } from '@/lib/organizations/create-organization';
import type { ApiResponse, TestOrg } from './api';

export interface ApiProcess {
  url: string;
  stop: () => Promise<void>;
  kill: () => Promise<void>;
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string;
  /** Whether it exited without being told to (a crash). */
  crashed: () => boolean;
}

/** Starts `scripts/api-server.ts` as a separate process and resolves with its base URL. */
export async function startApiProcess(env: Record<string, string> = {}): Promise<ApiProcess> {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'scripts', 'api-server.ts')],
    {
      cwd: root,
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  let output = '';
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString();
    output += c.toString();
  });
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`api-server did not start: ${stderr}`)),
      60_000,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      const m = /listening (\d+)/.exec(chunk.toString());
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`api-server exited (${code}): ${stderr}`)));
  });
  // A process that dies on its own (not through kill/stop) is a crash: say why in the test's output.
  let stopping = false;
  let crashed = false;
  child.on('exit', (code, signal) => {
    if (!stopping) {
      crashed = true;
      process.stderr.write(
        `api-server (pid ${child.pid}) exited by itself: code ${code}, signal ${signal}\n${stderr}\n`,
      );
    }
  });
  const exited = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
    });
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    crashed: () => crashed,
    /** SIGKILL: the process dies wherever it is, as in a crash. */
    kill: () => {
      stopping = true;
      child.kill('SIGKILL');
      return exited();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** A client of one app process over HTTP, shaped like the in-process `client(key)`. */
export function httpClient(base: string, key: string): TestOrg['api'] {
  const send = async (method: string, path: string, body?: unknown): Promise<ApiResponse> => {
    const res = await fetch(`${base}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };
  return {
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body),
    patch: (path, body) => send('PATCH', path, body),
    delete: (path) => send('DELETE', path),
  } as TestOrg['api'];
}

export interface OwnDatabase {
  /** DATABASE_URL for the app processes. */
  url: string;
  /** A handle of the test's own on it. */
  db: Db;
  /** An organization created in it, with an API key. */
  key: string;
  drop: () => Promise<void>;
}

/**
 * A migrated PostgreSQL database of the test's own beside DATABASE_URL's, with one
 * organization: for app processes whose background loops must not see other tests' rows.
 */
export async function ownPostgresDatabase(prefix: string, timezone: string): Promise<OwnDatabase> {
  const name = `${prefix}_${randomUUID().slice(0, 8)}`;
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  const client = postgres(url.toString(), { max: 2, onnotice: () => {} });
  const db = drizzle({ client, schema }) as unknown as Db;
  await applyMigrations(db);
  const { apiKey } = await createOrganization(db, {
    name: 'Two processes',
    timezone,
    with_api_key: true,
  });
  return {
    url: url.toString(),
    db,
    key: apiKey!.key,
    drop: async () => {
      await client.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
