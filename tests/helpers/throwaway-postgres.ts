import { execFile, execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A PostgreSQL cluster of the test's own (initdb + pg_ctl from the machine's binaries, on a
 * free port), so a test can stop and restart it without touching the shared server. As root,
 * the binaries run as the `postgres` user (initdb refuses root).
 */
export interface ThrowawayPostgres {
  url: string;
  port: number;
  /** `fast` by default; `immediate` is a power cut: no checkpoint, backends killed. */
  stop: (mode?: 'fast' | 'immediate') => void;
  start: () => void;
  /**
   * A streaming standby of this cluster on another loopback port (pg_basebackup -R -X
   * stream), replicating synchronously: once it resolves, a commit this cluster acknowledges
   * has been flushed on the standby too, so cutting this cluster loses nothing acknowledged.
   * With several, the newest is the synchronous one.
   */
  startStandby: () => Promise<ThrowawayStandby>;
  /** Stops and removes this cluster and its standbys. */
  destroy: () => void;
}

export interface ThrowawayStandby {
  url: string;
  port: number;
  /** Its `application_name` on the primary (named in `synchronous_standby_names`). */
  name: string;
  /**
   * `pg_ctl promote -w`: resolves once it accepts writes. Asynchronous, so the test's event
   * loop (its clients, their timings) keeps running while the standby is promoted.
   */
  promote: () => Promise<void>;
  stop: (mode?: 'fast' | 'immediate') => void;
  start: () => void;
}

export function postgresBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** One cluster's data directory driven by pg_ctl on its port (sockets and log beside it). */
function cluster(run: Runner, dir: string, data: string, port: number) {
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const log = path.join(dir, `${path.basename(data)}.log`);
  return {
    start: () => void run('pg_ctl', ['-D', data, '-o', options, '-l', log, '-w', 'start']),
    stop: (mode: 'fast' | 'immediate' = 'fast') =>
      void run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']),
    /** Stops it if it runs; never throws. */
    halt: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        /* already stopped */
      }
    },
  };
}

type Runner = (cmd: string, args: string[]) => string;

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql');
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faults-pg-'));
  const data = path.join(dir, 'data');
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const run: Runner = (cmd, args) => {
    const full = path.join(bin, cmd);
    const result = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' })
      : spawnSync(full, args, { encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`${cmd} failed: ${result.stderr || result.stdout}`);
    }
    return result.stdout;
  };
  const runAsync = (cmd: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const full = path.join(bin, cmd);
      const [file, argv] = asRoot
        ? ['runuser', ['-u', 'postgres', '--', full, ...args]]
        : [full, args];
      execFile(file, argv, (error, stdout, stderr) =>
        error
          ? reject(new Error(`${cmd} failed: ${stderr || stdout || error.message}`))
          : resolve(),
      );
    });
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  // Standbys stream from it: WAL for replication, and replication connections from loopback.
  fs.appendFileSync(
    path.join(data, 'postgresql.conf'),
    '\nwal_level = replica\nmax_wal_senders = 4\nsynchronous_commit = on\n',
  );
  fs.appendFileSync(path.join(data, 'pg_hba.conf'), '\nhost replication all 127.0.0.1/32 trust\n');
  const port = await freePort();
  const primary = cluster(run, dir, data, port);
  const standbys: ReturnType<typeof cluster>[] = [];
  const psql = (p: number, sql: string) =>
    run('psql', [
      '-h',
      '127.0.0.1',
      '-p',
      String(p),
      '-U',
      'postgres',
      '-d',
      'postgres',
      '-XAtqc',
      sql,
    ]).trim();

  async function startStandby(): Promise<ThrowawayStandby> {
    const n = standbys.length + 1;
    const name = `standby${n}`;
    const standbyData = path.join(dir, name);
    const standbyPort = await freePort();
    // -R writes primary_conninfo (with this application_name) and standby.signal. The
    // backup is taken before the primary names the standby synchronous, so the standby's
    // copy of postgresql.auto.conf does not wait for a standby of its own once promoted.
    // A fast checkpoint: the default spread one made the backup take half a minute.
    run('pg_basebackup', [
      '-d',
      `host=127.0.0.1 port=${port} user=postgres application_name=${name}`,
      '-D',
      standbyData,
      '-R',
      '-X',
      'stream',
      '--no-sync',
      '--checkpoint=fast',
    ]);
    const standby = cluster(run, dir, standbyData, standbyPort);
    standbys.push(standby);
    standby.start();
    psql(port, `alter system set synchronous_standby_names = '"${name}"'`);
    psql(port, 'select pg_reload_conf()');
    // Synchronous only once the primary says so: until then a commit may not be on it yet.
    for (let t = 0; ; t++) {
      const state = psql(
        port,
        `select sync_state from pg_stat_replication where application_name = '${name}'`,
      );
      if (state === 'sync') break;
      if (t >= 100)
        throw new Error(`standby ${name} is not synchronous (state: ${state || 'none'})`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return {
      url: `postgres://postgres@127.0.0.1:${standbyPort}/postgres`,
      port: standbyPort,
      name,
      promote: () => runAsync('pg_ctl', ['-D', standbyData, '-w', 'promote']),
      start: standby.start,
      stop: standby.stop,
    };
  }

  primary.start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start: primary.start,
    stop: primary.stop,
    startStandby,
    destroy: () => {
      for (const standby of standbys) standby.halt();
      primary.halt();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
