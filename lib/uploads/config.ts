import { hkdfSync } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { dataDir } from '@/db/client';
import { serverSecret } from '@/lib/auth/secret';

/**
 * Upload settings, read from the environment at call time (so a test file can switch the
 * driver): which storage driver, where local files live, the S3 settings, and the key that
 * signs local upload URLs.
 */

export type StorageDriverName = 'local' | 's3';

export function storageDriverName(): StorageDriverName {
  const value = (process.env.STORAGE_DRIVER || 'local').trim().toLowerCase();
  if (value === 'local' || value === 's3') return value;
  throw new Error(`STORAGE_DRIVER must be "local" or "s3", not "${value}".`);
}

/**
 * UPLOADS_DIR, else `<DATA_DIR>/uploads`. An in-memory database (tests) has no data directory,
 * so its files go to the system temp directory.
 */
export function localUploadsDir(): string {
  if (process.env.UPLOADS_DIR) return path.resolve(process.env.UPLOADS_DIR);
  const dir = dataDir();
  if (dir.startsWith('memory://')) return path.join(os.tmpdir(), 'reservations-uploads');
  return path.join(path.resolve(dir), 'uploads');
}

export interface S3Config {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId: string;
  secretAccessKey: string;
  publicUrlBase?: string;
  forcePathStyle: boolean;
}

export function s3Config(): S3Config {
  const env = process.env;
  const missing = ['S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter(
    (name) => !env[name],
  );
  if (missing.length) throw new Error(`STORAGE_DRIVER=s3 needs ${missing.join(', ')}.`);
  return {
    bucket: env.S3_BUCKET!,
    region: env.S3_REGION!,
    endpoint: env.S3_ENDPOINT || undefined,
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    publicUrlBase: env.S3_PUBLIC_URL_BASE || undefined,
    forcePathStyle: ['1', 'true', 'yes'].includes((env.S3_FORCE_PATH_STYLE ?? '').toLowerCase()),
  };
}

/**
 * The HMAC key of local upload URLs, derived from the auth secret (the same in every process,
 * see scripts/prepare.ts) with its own label, so an upload signature can never pass for a
 * session signature or the other way round.
 */
export function uploadSigningKey(): Buffer {
  return Buffer.from(
    hkdfSync('sha256', serverSecret(), '', 'reservations/local-upload-url/v1', 32),
  );
}
