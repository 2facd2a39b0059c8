import { storageDriverName } from './config';
import { localDriver } from './local-driver';
import { s3Driver } from './s3-driver';
import type { UploadContentType } from './schemas';

/**
 * Where uploaded bytes go. A driver only signs: the client sends the bytes straight to the
 * store (the app itself for `local`, the bucket for `s3`), and the upload's metadata is a row
 * of `uploads` either way.
 */
export interface PresignRequest {
  key: string;
  contentType: UploadContentType;
  contentLength: number;
  /** Whole seconds; the URL is valid until `expiresAt`. */
  signedAt: Date;
  expiresAt: Date;
  /** The app's own origin, for drivers whose URLs the app serves. */
  origin: string;
}

export interface PresignedPut {
  signed_url: string;
  headers: Record<string, string>;
  public_url: string;
}

export interface StorageDriver {
  name: 'local' | 's3';
  presignPut(request: PresignRequest): Promise<PresignedPut>;
}

export function storageDriver(): StorageDriver {
  return storageDriverName() === 's3' ? s3Driver() : localDriver;
}
