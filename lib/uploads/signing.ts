import { uploads } from '@/db/schema';
import type { Ctx } from '@/lib/http/context';
import { newStorageKey } from './keys';
import { UPLOAD_URL_TTL_SECONDS, UploadSigningSchema, type SignedUpload } from './schemas';
import { storageDriver } from './storage';

export interface SignOptions {
  /** The app's origin, for URLs the app serves (local driver). */
  origin: string;
  /** Tests shorten it; the API always uses §12's 10 minutes. */
  ttlSeconds?: number;
}

/**
 * §12 `POST /api/s3-url-signing`: validates the request, picks an unguessable key in the
 * caller's organization, has the storage driver sign a PUT for exactly that type and length,
 * and records the signing in `uploads`.
 */
export async function createSignedUpload(
  ctx: Ctx,
  body: unknown,
  { origin, ttlSeconds = UPLOAD_URL_TTL_SECONDS }: SignOptions,
): Promise<SignedUpload> {
  const input = UploadSigningSchema.parse(body);
  const key = newStorageKey(ctx.organization.id, input.type, input.content_type);
  // Whole seconds: URL expiries (ours and SigV4's) have no milliseconds.
  const signedAt = new Date(Math.floor(ctx.now.getTime() / 1000) * 1000);
  const expiresAt = new Date(signedAt.getTime() + ttlSeconds * 1000);
  const presigned = await storageDriver().presignPut({
    key,
    contentType: input.content_type,
    contentLength: input.content_length,
    signedAt,
    expiresAt,
    origin,
  });
  await ctx.db.insert(uploads).values({
    organization_id: ctx.organization.id,
    type: input.type,
    storage_key: key,
    file_name: input.file_name,
    content_type: input.content_type,
    content_length: input.content_length,
    expires_at: expiresAt,
  });
  return {
    signed_url: presigned.signed_url,
    method: 'PUT',
    headers: presigned.headers,
    key,
    public_url: presigned.public_url,
    expires_at: expiresAt.toISOString(),
  };
}
