import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { organizations, uploads } from '@/db/schema';
import { apiRouter } from '@/lib/api/routes';
import { systemCtx } from '@/lib/http/context';
import { BASE } from '../helpers/api';

/** Shared pieces of the upload tests (not a test file itself). */

/** A real 1×1 PNG, so what comes back can be compared byte for byte. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export const signingBody = (extra: Record<string, unknown> = {}) => ({
  type: 'reservation-service-image',
  file_name: 'photo.png',
  content_type: 'image/png',
  content_length: TINY_PNG.length,
  ...extra,
});

export interface RawResponse {
  status: number;
  headers: Headers;
  bytes: Buffer;
  /** The JSON body, when it is JSON. */
  body: any;
}

async function read(res: Response): Promise<RawResponse> {
  const bytes = Buffer.from(await res.arrayBuffer());
  let body: unknown = null;
  if ((res.headers.get('content-type') ?? '').startsWith('application/json')) {
    body = JSON.parse(bytes.toString('utf8'));
  }
  return { status: res.status, headers: res.headers, bytes, body };
}

/** Sends a request to the in-process /api router; `url` is absolute or a path under BASE. */
export async function send(
  method: string,
  url: string,
  init: { body?: BodyInit; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const absolute = url.startsWith('http') ? url : `${BASE}${url}`;
  const request = new Request(absolute, {
    method,
    headers: init.headers,
    body: init.body,
    ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  return read(await apiRouter.dispatch(request));
}

/** A body that arrives in chunks with no Content-Length, as a chunked upload would. */
export function streamOf(bytes: Uint8Array, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunk));
      offset += chunk;
    },
  });
}

/** A domain context for the organization, with its own clock (to sign URLs in the past). */
export async function orgCtx(organizationId: string, now = new Date()) {
  const db = await getDb();
  const [organization] = await db
    .select()
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return systemCtx(db, organization!, now);
}

export async function uploadRow(key: string) {
  const db = await getDb();
  const [row] = await db.select().from(uploads).where(eq(uploads.storage_key, key));
  return row;
}
