import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { localUploadsDir } from './config';
import { signLocalPut } from './local-signature';
import type { StorageDriver } from './storage';

/**
 * STORAGE_DRIVER=local: files under the data directory, uploaded with a PUT to a URL the app
 * signs and serves (`/api/uploads/<key>`), and read back from the same path.
 */
export const localPublicPath = (key: string) => `/api/uploads/${key}`;

export const localDriver: StorageDriver = {
  name: 'local',
  async presignPut({ key, contentType, contentLength, expiresAt, origin }) {
    const expires = Math.floor(expiresAt.getTime() / 1000);
    const signature = signLocalPut({ key, expires, contentType, contentLength });
    const query = new URLSearchParams({ expires: String(expires), signature });
    return {
      signed_url: `${origin}${localPublicPath(key)}?${query}`,
      headers: { 'Content-Type': contentType },
      // App-relative: it survives a change of host name, and image_url accepts app paths.
      public_url: localPublicPath(key),
    };
  },
};

/** Callers pass keys checked by parseStorageKey, so the path stays inside the uploads dir. */
const filePath = (key: string) => path.join(localUploadsDir(), ...key.split('/'));

export class BodyTooLarge extends Error {}

/**
 * Streams `body` to a temporary file beside the final one, stopping as soon as it passes
 * `limit` bytes (nothing unbounded is buffered). Returns the temporary file and the length.
 */
export async function writeTempFile(
  key: string,
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<{ tempPath: string; size: number }> {
  const final = filePath(key);
  await fs.promises.mkdir(path.dirname(final), { recursive: true });
  const tempPath = `${final}.${randomUUID()}.part`;
  const file = await fs.promises.open(tempPath, 'wx', 0o644);
  let size = 0;
  try {
    if (body) {
      const reader = body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > limit) {
          await reader.cancel().catch(() => undefined);
          throw new BodyTooLarge();
        }
        await file.write(value);
      }
    }
  } catch (error) {
    await file.close();
    await fs.promises.rm(tempPath, { force: true });
    throw error;
  }
  await file.close();
  return { tempPath, size };
}

/** The first `n` bytes of a written temp file. */
export async function readHead(tempPath: string, n: number): Promise<Uint8Array> {
  const file = await fs.promises.open(tempPath, 'r');
  try {
    const buffer = Buffer.alloc(n);
    const { bytesRead } = await file.read(buffer, 0, n, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

export async function commitTempFile(tempPath: string, key: string): Promise<void> {
  await fs.promises.rename(tempPath, filePath(key));
}

export async function discardTempFile(tempPath: string): Promise<void> {
  await fs.promises.rm(tempPath, { force: true });
}

/** The stored file as a stream, or null when there is none. */
export async function openLocalFile(
  key: string,
): Promise<{ stream: ReadableStream<Uint8Array>; size: number } | null> {
  const file = filePath(key);
  const stat = await fs.promises.stat(file).catch(() => null);
  if (!stat?.isFile()) return null;
  return {
    stream: Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>,
    size: stat.size,
  };
}
