import { z } from 'zod';
import { instantAnswer } from '@/lib/validation/answers';
import { MAX_UPLOAD_BYTES, UPLOAD_CONTENT_TYPES } from './schemas';

/** The answers of §12's upload endpoints, for the API reference and the router's check. */

const contentType = () => z.enum(UPLOAD_CONTENT_TYPES);
const storageKey = () =>
  z.string().meta({ description: 'The stored file: `<organization_id>/<type>/<uuid>.<ext>`.' });
const publicUrl = () =>
  z.string().meta({
    description: 'Where the image is served once uploaded: an https URL or a path of this app.',
  });

/** `createSignedUpload` (./signing.ts). */
export const SignedUploadAnswer = z
  .strictObject({
    signed_url: z.string().meta({ format: 'uri', description: 'PUT the bytes here.' }),
    method: z.literal('PUT'),
    headers: z.object({ 'Content-Type': contentType() }).catchall(z.string()).meta({
      description:
        'Exactly the headers to send with the PUT (besides Content-Length, which every client sets).',
    }),
    key: storageKey(),
    public_url: publicUrl(),
    expires_at: instantAnswer().meta({ description: 'The URL is valid until then (10 minutes).' }),
  })
  .meta({
    description:
      'PUT the bytes to `signed_url` with `headers`, then store `public_url` (e.g. as a service’s `image_url`).',
  });

/** `receiveLocalUpload` (./local-upload.ts). */
export const UploadedAnswer = z
  .strictObject({
    key: storageKey(),
    public_url: publicUrl(),
    content_type: contentType(),
    content_length: z.int().min(1).max(MAX_UPLOAD_BYTES),
    uploaded_at: instantAnswer(),
  })
  .meta({ description: 'The bytes are stored; `public_url` serves them from now on.' });
