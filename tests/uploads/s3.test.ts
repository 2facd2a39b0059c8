import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedUpload } from '@/lib/uploads/signing';
import { BASE, call, createKeyOrg } from '../helpers/api';
import { expectError, expectStatus } from '../api/fixtures';
import { orgCtx, signingBody, TINY_PNG, uploadRow } from './helpers';
import { verifyPresignedUrl } from './sigv4';

/**
 * §12 with STORAGE_DRIVER=s3 against a real S3 API (s3rver, in-process, random port). s3rver
 * checks expiry, the presence of the signature parameters and the access key id, but it does
 * NOT verify SigV4 signatures: those cases are shown against s3rver as what it accepts, and
 * checked with an independent SigV4 verifier (./sigv4.ts) as what S3 refuses.
 */

const BUCKET = 'uploads-test';
const SECRET = 'S3RVER';
let server: S3rver;
let endpoint: string;
let dir: string;
let s3: S3Client;
let org: Awaited<ReturnType<typeof createKeyOrg>>;
const savedEnv = { ...process.env };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uploads-s3rver-'));
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  Object.assign(process.env, {
    STORAGE_DRIVER: 's3',
    S3_BUCKET: BUCKET,
    S3_REGION: 'us-east-1',
    S3_ENDPOINT: endpoint,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: SECRET,
    S3_FORCE_PATH_STYLE: '1',
  });
  s3 = new S3Client({
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: SECRET },
  });
  org = await createKeyOrg();
});

afterAll(async () => {
  process.env = savedEnv;
  s3?.destroy();
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sign = async (extra: Record<string, unknown> = {}) => {
  const res = await org.api.post('/s3-url-signing', signingBody(extra));
  expectStatus(res, 201);
  return res.body;
};

const put = (url: string, body: Buffer, headers: Record<string, string>) =>
  fetch(url, { method: 'PUT', body: new Uint8Array(body), headers });

/** What a client sends: the response's headers and the length of its body. */
const sentHeaders = (contentType: string, length: number) => ({
  'content-type': contentType,
  'content-length': String(length),
});

async function stored(key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'NotFound') return false;
    throw error;
  }
}

describe('POST /api/s3-url-signing (s3 driver)', () => {
  it('presigns a PutObject whose signature covers Content-Type and Content-Length', async () => {
    const signed = await sign();
    expect(signed.method).toBe('PUT');
    expect(signed.headers).toEqual({ 'Content-Type': 'image/png' });
    expect(signed.key).toMatch(
      new RegExp(`^${org.id}/reservation-service-image/[0-9a-f-]{36}\\.png$`),
    );
    expect(signed.public_url).toBe(`${endpoint}/${BUCKET}/${signed.key}`);
    const url = new URL(signed.signed_url);
    expect(`${url.origin}${url.pathname}`).toBe(`${endpoint}/${BUCKET}/${signed.key}`);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
    // No checksum of an empty body (the SDK's default would make every real upload fail).
    expect([...url.searchParams.keys()].filter((k) => /checksum/i.test(k))).toEqual([]);
    expect(await uploadRow(signed.key)).toMatchObject({
      organization_id: org.id,
      content_type: 'image/png',
      content_length: TINY_PNG.length,
      uploaded_at: null,
    });
  });

  it('uses S3_PUBLIC_URL_BASE for public_url when set', async () => {
    process.env.S3_PUBLIC_URL_BASE = 'https://cdn.example.test/media/';
    try {
      const signed = await sign({ type: 'booking-link-cover', content_type: 'image/jpeg' });
      expect(signed.public_url).toBe(`https://cdn.example.test/media/${signed.key}`);
      expect(signed.key).toMatch(/\/booking-link-cover\/[0-9a-f-]{36}\.jpg$/);
    } finally {
      delete process.env.S3_PUBLIC_URL_BASE;
    }
  });

  it('validates the same way as with the local driver', async () => {
    expectError(
      await org.api.post('/s3-url-signing', signingBody({ content_length: 6 * 1024 * 1024 })),
      400,
      'validation_error',
      ['content_length'],
    );
    expectError(
      await call('POST', '/s3-url-signing', { body: signingBody() }),
      401,
      'unauthenticated',
    );
  });
});

describe('PUT to the presigned URL, against s3rver', () => {
  it('stores the bytes with their type; they read back through the SDK and public_url', async () => {
    const signed = await sign();
    const res = await put(signed.signed_url, TINY_PNG, signed.headers);
    expect(res.status, await res.clone().text()).toBe(200);
    const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: signed.key }));
    expect(object.ContentType).toBe('image/png');
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(TINY_PNG)).toBe(true);
    const pub = await fetch(signed.public_url);
    expect(pub.status).toBe(200);
    expect(Buffer.from(await pub.arrayBuffer()).equals(TINY_PNG)).toBe(true);
  });

  it('refuses an expired URL (403 AccessDenied: Request has expired)', async () => {
    const ctx = await orgCtx(org.id, new Date(Date.now() - 11 * 60_000));
    const signed = await createSignedUpload(ctx, signingBody(), { origin: BASE });
    const res = await put(signed.signed_url, TINY_PNG, signed.headers);
    expect(res.status).toBe(403);
    const xml = await res.text();
    expect(xml).toContain('<Code>AccessDenied</Code>');
    expect(xml).toContain('Request has expired');
    expect(await stored(signed.key)).toBe(false);
  });

  it('refuses a URL with a short expiry once it has passed', async () => {
    const ctx = await orgCtx(org.id);
    const signed = await createSignedUpload(ctx, signingBody(), { origin: BASE, ttlSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const res = await put(signed.signed_url, TINY_PNG, signed.headers);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Request has expired');
    expect(await stored(signed.key)).toBe(false);
  });

  it('refuses a tampered URL: a backdated date, an unknown access key, a missing signature', async () => {
    const signed = await sign();
    const tamper = (name: string, value: string | null) => {
      const url = new URL(signed.signed_url);
      if (value === null) url.searchParams.delete(name);
      else url.searchParams.set(name, value);
      return url.toString();
    };
    const credential = new URL(signed.signed_url).searchParams.get('X-Amz-Credential')!;
    const cases: [string, number, string][] = [
      [tamper('X-Amz-Date', '20200101T000000Z'), 403, 'AccessDenied'],
      [
        tamper('X-Amz-Credential', credential.replace(/^S3RVER/, 'SOMEONE')),
        403,
        'InvalidAccessKeyId',
      ],
      [tamper('X-Amz-Signature', null), 400, 'AuthorizationQueryParametersError'],
      [tamper('X-Amz-Expires', '999999'), 400, 'AuthorizationQueryParametersError'],
    ];
    for (const [url, status, code] of cases) {
      const res = await put(url, TINY_PNG, signed.headers);
      expect(res.status, url).toBe(status);
      expect(await res.text()).toContain(`<Code>${code}</Code>`);
    }
    expect(await stored(signed.key)).toBe(false);
  });

  it('s3rver 3.7 does not verify SigV4 signatures: it accepts what S3 would refuse', async () => {
    // Pinned so that an s3rver that starts verifying shows up here: then move these cases
    // to the refusals above. S3 refuses each of them with 403 SignatureDoesNotMatch.
    const a = await sign();
    const otherType = await put(a.signed_url, TINY_PNG, { 'Content-Type': 'image/gif' });
    expect(otherType.status).toBe(200);

    const b = await sign();
    const larger = await put(b.signed_url, Buffer.concat([TINY_PNG, Buffer.alloc(10)]), b.headers);
    expect(larger.status).toBe(200);

    const c = await sign();
    const url = new URL(c.signed_url);
    url.searchParams.set('X-Amz-Signature', '0'.repeat(64));
    expect((await put(url.toString(), TINY_PNG, c.headers)).status).toBe(200);
  });
});

describe('what S3 checks: the presigned URL under an independent SigV4 verifier', () => {
  it('the genuine request verifies (so the verifier agrees with the SDK)', async () => {
    const signed = await sign();
    expect(
      verifyPresignedUrl(
        signed.signed_url,
        { method: 'PUT', headers: sentHeaders('image/png', TINY_PNG.length) },
        SECRET,
      ),
    ).toEqual({ valid: true });
  });

  it('refuses another content type, a larger or smaller body, another method', async () => {
    const signed = await sign();
    const n = TINY_PNG.length;
    for (const [method, headers] of [
      ['PUT', sentHeaders('image/jpeg', n)],
      ['PUT', sentHeaders('image/png', n + 1)],
      ['PUT', sentHeaders('image/png', n - 1)],
      ['PUT', { 'content-length': String(n) }],
      ['POST', sentHeaders('image/png', n)],
    ] as const) {
      expect(verifyPresignedUrl(signed.signed_url, { method, headers }, SECRET)).toEqual({
        valid: false,
        reason: 'signature does not match',
      });
    }
  });

  it('refuses a tampered key, expiry or signature', async () => {
    const signed = await sign();
    const request = { method: 'PUT', headers: sentHeaders('image/png', TINY_PNG.length) };
    const other = new URL(signed.signed_url);
    other.pathname = other.pathname.replace(
      /[0-9a-f-]{36}\.png$/,
      '00000000-0000-4000-8000-000000000000.png',
    );
    const longer = new URL(signed.signed_url);
    longer.searchParams.set('X-Amz-Expires', '604800');
    const forged = new URL(signed.signed_url);
    forged.searchParams.set('X-Amz-Signature', '0'.repeat(64));
    for (const url of [other, longer, forged]) {
      expect(verifyPresignedUrl(url.toString(), request, SECRET).valid).toBe(false);
    }
  });

  it('refuses the URL after its expiry', async () => {
    const ctx = await orgCtx(org.id, new Date(Date.now() - 11 * 60_000));
    const signed = await createSignedUpload(ctx, signingBody(), { origin: BASE });
    expect(
      verifyPresignedUrl(
        signed.signed_url,
        { method: 'PUT', headers: sentHeaders('image/png', TINY_PNG.length) },
        SECRET,
      ),
    ).toEqual({ valid: false, reason: 'expired' });
  });
});
