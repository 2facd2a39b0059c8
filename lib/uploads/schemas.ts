import { z } from 'zod';

/**
 * §12 input of `POST /api/s3-url-signing`, and the constants the upload control shares with
 * the server. Imports nothing but zod, so the browser bundle can use it.
 */

export const UPLOAD_TYPES = [
  'reservation-service-image',
  'booking-link-logo',
  'booking-link-cover',
] as const;
export type UploadType = (typeof UPLOAD_TYPES)[number];

/** Accepted image types and the file extension each is stored under (never the client's). */
export const UPLOAD_EXTENSIONS = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
} as const;
export type UploadContentType = keyof typeof UPLOAD_EXTENSIONS;
export const UPLOAD_CONTENT_TYPES = Object.keys(UPLOAD_EXTENSIONS) as [
  UploadContentType,
  ...UploadContentType[],
];

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** How long a signed PUT URL stays valid (§12: 10 minutes). */
export const UPLOAD_URL_TTL_SECONDS = 600;

/**
 * The original name is kept for people (it is stored, never used in a path): the last path
 * component only, without control characters, at most 255 characters.
 */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (clean === '' || clean === '.' || clean === '..' ? 'upload' : clean).slice(0, 255);
}

export const UploadSigningSchema = z.strictObject({
  type: z.enum(UPLOAD_TYPES),
  file_name: z.string().trim().min(1, 'Required.').max(1000).transform(sanitizeFileName),
  content_type: z.enum(
    UPLOAD_CONTENT_TYPES,
    'Expected image/png, image/jpeg, image/webp or image/gif.',
  ),
  content_length: z
    .int('Expected a whole number of bytes.')
    .min(1, 'The file is empty.')
    .max(MAX_UPLOAD_BYTES, `Images are limited to ${MAX_UPLOAD_BYTES} bytes (5 MiB).`),
});
export type UploadSigningInput = z.input<typeof UploadSigningSchema>;

/** What the signing endpoint answers. */
export interface SignedUpload {
  signed_url: string;
  method: 'PUT';
  /** Exactly the headers to send with the PUT (besides Content-Length, which every client sets). */
  headers: Record<string, string>;
  key: string;
  public_url: string;
  expires_at: string;
}
