import fs from 'node:fs';

/** Removes the temporary data directory playwright.config.ts made (unless E2E_KEEP_DATA=1). */
export default function globalTeardown() {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir || process.env.E2E_OWN_DATA_DIR !== '1') return;
  if (process.env.E2E_KEEP_DATA === '1') {
    console.log(`e2e data kept in ${dir}`);
    return;
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
