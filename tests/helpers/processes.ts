import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** Starts `scripts/api-server.ts` as a separate process and resolves with its base URL. */
export async function startApiProcess(
  env: Record<string, string> = {},
): Promise<{ url: string; stop: () => Promise<void>; kill: () => Promise<void> }> {
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
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
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
  child.on('exit', (code, signal) => {
    if (!stopping) {
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
