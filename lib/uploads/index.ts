/**
 * Uploads (§12): signing PUT URLs for images (`signing.ts`), the two storage drivers behind
 * one interface (`storage.ts`: `local-driver.ts` serves files from the data directory,
 * `s3-driver.ts` presigns for any S3-compatible store), the local driver's own PUT/GET
 * (`local-upload.ts`) and the routes. The bytes never pass through the signing request; the
 * `uploads` table records every signing (and, for local, when the bytes arrived).
 */
export { uploadRoutes } from './routes';
export { createSignedUpload } from './signing';
export { UploadSigningSchema } from './schemas';
