import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3Config, type S3Config } from './config';
import type { StorageDriver } from './storage';

/**
 * STORAGE_DRIVER=s3: any S3-compatible store. The URL is a SigV4 presigned PutObject whose
 * signature covers Content-Type and Content-Length, so the store itself refuses another type,
 * another length, a changed URL or a late request.
 */

const clients = new Map<string, S3Client>();

function clientFor(config: S3Config): S3Client {
  const cacheKey = JSON.stringify(config);
  let client = clients.get(cacheKey);
  if (!client) {
    client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // By default the SDK adds a checksum of the (empty) body to presigned PUT URLs, which
      // the real upload then fails; the signed length is our integrity check instead.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    clients.set(cacheKey, client);
  }
  return client;
}

/** S3_PUBLIC_URL_BASE (a CDN, say), else the bucket's own URL in the addressing style in use. */
export function s3PublicUrl(config: S3Config, key: string): string {
  if (config.publicUrlBase) return `${config.publicUrlBase.replace(/\/+$/, '')}/${key}`;
  if (config.endpoint) {
    const endpoint = new URL(config.endpoint);
    const base = endpoint.origin + endpoint.pathname.replace(/\/+$/, '');
    if (config.forcePathStyle) return `${base}/${config.bucket}/${key}`;
    return `${endpoint.protocol}//${config.bucket}.${endpoint.host}${endpoint.pathname.replace(/\/+$/, '')}/${key}`;
  }
  return `https://${config.bucket}.s3.${config.region}.amazonaws.com/${key}`;
}

export function s3Driver(): StorageDriver {
  const config = s3Config();
  return {
    name: 's3',
    async presignPut({ key, contentType, contentLength, signedAt, expiresAt }) {
      const command = new PutObjectCommand({
        Bucket: config.bucket,
        Key: key,
        ContentType: contentType,
        ContentLength: contentLength,
      });
      const signedUrl = await getSignedUrl(clientFor(config), command, {
        signingDate: signedAt,
        expiresIn: Math.round((expiresAt.getTime() - signedAt.getTime()) / 1000),
        // Without this the presigner leaves Content-Type out of the signature.
        signableHeaders: new Set(['content-type', 'content-length']),
      });
      return {
        signed_url: signedUrl,
        // Content-Length is signed too; every HTTP client sets it from the body.
        headers: { 'Content-Type': contentType },
        public_url: s3PublicUrl(config, key),
      };
    },
  };
}
