import { requestOrigin } from '@/lib/http/origin';
import type { Route } from '@/lib/http/route';
import { receiveLocalUpload, serveLocalUpload } from './local-upload';
import { UploadSigningSchema } from './schemas';
import { createSignedUpload } from './signing';

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
      response:
        '`{signed_url, method: "PUT", headers, key, public_url, expires_at}`: PUT the bytes to `signed_url` with `headers`, then store `public_url`.',
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
    schemas: {
      response: '`{key, public_url, content_type, content_length, uploaded_at}`.',
    },
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
    schemas: { response: 'The image bytes, with their content type.' },
    handle: async (_ctx, { params }) => serveLocalUpload(keyOf(params)),
  },
];
