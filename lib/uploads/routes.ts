import { requestOrigin } from '@/lib/http/origin';
import type { Route } from '@/lib/http/route';
import { receiveLocalUpload, serveLocalUpload } from './local-upload';
import { UploadSigningSchema } from './schemas';
import { createSignedUpload } from './signing';
import { SignedUploadAnswer, UploadedAnswer } from './views';

/** A key is `<organization_id>/<type>/<file>`: three path segments, so three params. */
const KEY_PATH = '/uploads/:organization/:type/:file';
const keyOf = (params: Record<string, string>) =>
  `${params.organization}/${params.type}/${params.file}`;

/** §12 uploads: signing (admins and API keys), and the local driver's PUT and GET. */
export const uploadRoutes: Route[] = [
  {
    method: 'POST',
    path: '/s3-url-signing',
    access: 'admin',
    tag: 'Uploads',
    summary: 'Sign a PUT URL for one image (10 minutes, exact type and length)',
    schemas: {
      body: UploadSigningSchema,
      status: 201,
      response: SignedUploadAnswer,
    },
    handle: async (ctx, { body, req }) => ({
      status: 201,
      body: await createSignedUpload(ctx, body, { origin: requestOrigin(req) }),
    }),
  },
  {
    method: 'PUT',
    path: KEY_PATH,
    access: 'public',
    rawBody: true,
    tag: 'Uploads',
    summary: 'Upload the bytes to a signed URL (local storage driver)',
    schemas: { response: UploadedAnswer },
    errors: [
      'invalid_signature',
      'upload_expired',
      'already_uploaded',
      'content_type_mismatch',
      'content_length_mismatch',
      'content_mismatch',
    ],
    handle: async (ctx, { params, query, req }) => ({
      body: await receiveLocalUpload(ctx, keyOf(params), query, req),
    }),
  },
  {
    method: 'GET',
    path: KEY_PATH,
    access: 'public',
    tag: 'Uploads',
    summary: 'An uploaded image (local storage driver)',
    schemas: {
      response: {
        media: 'image/*',
        description:
          'The image bytes, with their content type (image/png, image/jpeg, image/webp or image/gif); cached for a year.',
      },
    },
    handle: async (_ctx, { params }) => serveLocalUpload(keyOf(params)),
  },
];
