import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/** Runs the Next CLI as a child, passing signals through and exiting with its code. */
export function runNext(args: string[], onReady?: () => void): void {
  const require = createRequire(import.meta.url);
  const nextBin = require.resolve('next/dist/bin/next');
  const child = spawn(process.execPath, [nextBin, ...args], {
    stdio: ['inherit', 'pipe', 'inherit'],
    env: process.env,
  });
  let announced = false;
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /Ready in|started server|Local:/i.test(chunk.toString())) {
      announced = true;
      onReady?.();
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
