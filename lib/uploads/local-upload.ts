import { and, eq, isNull } from 'drizzle-orm';
import { uploads } from '@/db/schema';
import { AppError, notFound } from '@/lib/http/errors';
import type { PublicCtx } from '@/lib/http/route';
import { uploadHeaders } from '@/lib/http/security-headers';
import { parseStorageKey } from './keys';
import {
  BodyTooLarge,
  commitTempFile,
  discardTempFile,
  localPublicPath,
  openLocalFile,
  readHead,
  writeTempFile,
} from './local-driver';
import { MAGIC_BYTES, matchesImageType } from './magic';
import { verifyLocalPut } from './local-signature';

/**
 * The two requests the local driver serves: the signed PUT of the bytes (the signature, not
 * a cookie, authorizes it) and the public GET of a stored file.
 */

const invalidSignature = (message = 'The upload URL is not valid: request a new one.') =>
  new AppError('invalid_signature', 403, message);

/** The media type without parameters, lower-cased: `image/png; x=y` → `image/png`. */
const mediaType = (header: string | null) => (header ?? '').split(';')[0]!.trim().toLowerCase();

export async function receiveLocalUpload(
  ctx: PublicCtx,
  key: string,
  query: Record<string, unknown>,
  req: Request,
) {
  const { expires, signature } = query;
  if (typeof signature !== 'string' || typeof expires !== 'string') {
    throw invalidSignature('The upload URL is missing its signature: request a new one.');
  }
  if (!parseStorageKey(key) || !/^\d{1,12}$/.test(expires)) throw invalidSignature();
  // The row is the record of what was signed; an unknown key reads as a bad signature.
  const [row] = await ctx.db.select().from(uploads).where(eq(uploads.storage_key, key));
  const grant = {
    key,
    expires: Number(expires),
    contentType: row?.content_type ?? '',
    contentLength: row?.content_length ?? 0,
  };
  if (!row || !verifyLocalPut(grant, signature)) throw invalidSignature();
  if (ctx.now.getTime() > grant.expires * 1000) {
    throw new AppError('upload_expired', 403, 'The upload URL has expired: request a new one.');
  }
  if (row.uploaded_at) {
    throw new AppError('already_uploaded', 409, 'This upload URL has already been used.');
  }
  const sent = mediaType(req.headers.get('content-type'));
  if (sent !== row.content_type) {
    throw new AppError(
      'content_type_mismatch',
      400,
      `This URL accepts Content-Type ${row.content_type} only${sent ? `, not ${sent}` : ''}.`,
    );
  }
  checkDeclaredLength(req.headers.get('content-length'), row.content_length);

  let written: { tempPath: string; size: number };
  try {
    written = await writeTempFile(key, req.body, row.content_length);
  } catch (error) {
    if (error instanceof BodyTooLarge) throw tooLarge(row.content_length);
    throw error;
  }
  try {
    if (written.size !== row.content_length) throw lengthMismatch(row.content_length);
    if (!matchesImageType(await readHead(written.tempPath, MAGIC_BYTES), row.content_type)) {
      throw new AppError(
        'content_mismatch',
        400,
        `The bytes are not a ${row.content_type} image (checked by their signature).`,
        [{ path: 'body', message: `Not a ${row.content_type} file.` }],
      );
    }
    // Single use, even under concurrent PUTs: only one request flips uploaded_at.
    const [claimed] = await ctx.db
      .update(uploads)
      .set({ uploaded_at: ctx.now })
      .where(and(eq(uploads.id, row.id), isNull(uploads.uploaded_at)))
      .returning();
    if (!claimed)
      throw new AppError('already_uploaded', 409, 'This upload URL has already been used.');
    try {
      await commitTempFile(written.tempPath, key);
    } catch (error) {
      await ctx.db.update(uploads).set({ uploaded_at: null }).where(eq(uploads.id, row.id));
      throw error;
    }
    return {
      key,
      public_url: localPublicPath(key),
      content_type: claimed.content_type,
      content_length: claimed.content_length,
      uploaded_at: claimed.uploaded_at,
    };
  } finally {
    await discardTempFile(written.tempPath);
  }
}

const tooLarge = (limit: number) =>
  new AppError(
    'payload_too_large',
    413,
    `This URL accepts exactly ${limit} bytes; the body is larger.`,
  );

const lengthMismatch = (length: number) =>
  new AppError('content_length_mismatch', 400, `This URL accepts exactly ${length} bytes.`);

/** A Content-Length header other than the signed one is refused before reading the body. */
function checkDeclaredLength(header: string | null, signed: number) {
  if (header === null) return;
  if (!/^\d+$/.test(header.trim())) throw lengthMismatch(signed);
  const declared = Number(header);
  if (declared > signed) throw tooLarge(signed);
  if (declared !== signed) throw lengthMismatch(signed);
}

/** Uploaded files never change (each key is written once), so they are cached for a year. */
export async function serveLocalUpload(key: string): Promise<Response> {
  const parsed = parseStorageKey(key);
  const file = parsed && (await openLocalFile(key));
  if (!parsed || !file) throw notFound('Upload');
  return new Response(file.stream, {
    status: 200,
    headers: {
      'content-type': parsed.contentType,
      'content-length': String(file.size),
      'cache-control': 'public, max-age=31536000, immutable',
      // Opened directly, the file still cannot run anything (scripts/serve.ts sends the same).
      ...uploadHeaders(),
    },
  });
}
