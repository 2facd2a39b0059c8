import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedUpload } from '@/lib/uploads/signing';
import { MAX_UPLOAD_BYTES } from '@/lib/uploads/schemas';
import { BASE, call, createKeyOrg, sessionClient, signIn, createTestOrg } from '../helpers/api';
import { addUser, expectError, expectStatus, ISO_UTC } from '../api/fixtures';
import { orgCtx, send, signingBody, streamOf, TINY_PNG, uploadRow } from './helpers';

/** §12 with STORAGE_DRIVER=local: signing, the signed PUT served by the app, the public GET. */

let dir: string;
let org: Awaited<ReturnType<typeof createKeyOrg>>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uploads-local-'));
  process.env.UPLOADS_DIR = dir;
  delete process.env.STORAGE_DRIVER;
  org = await createKeyOrg();
});

afterAll(() => {
  delete process.env.UPLOADS_DIR;
  fs.rmSync(dir, { recursive: true, force: true });
});

const sign = async (extra: Record<string, unknown> = {}) => {
  const res = await org.api.post('/s3-url-signing', signingBody(extra));
  expectStatus(res, 201);
  return res.body;
};

const put = (url: string, body: BodyInit | undefined, headers: Record<string, string> = {}) =>
  send('PUT', url, { body, headers: { 'content-type': 'image/png', ...headers } });

/** The signed URL with one query parameter changed (or removed, with null). */
function withQuery(signedUrl: string, name: string, value: string | null): string {
  const url = new URL(signedUrl);
  if (value === null) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  return url.toString();
}

function partFilesLeft(): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.part'));
}

async function expectNothingStored(signed: { key: string; public_url: string }) {
  expect((await uploadRow(signed.key))?.uploaded_at).toBeNull();
  expectError(await send('GET', signed.public_url), 404, 'not_found');
  expect(partFilesLeft()).toEqual([]);
}

describe('POST /api/s3-url-signing (local driver)', () => {
  it('signs a PUT for the caller’s organization and records it', async () => {
    const before = Date.now();
    const res = await org.api.post('/s3-url-signing', signingBody());
    const after = Date.now();
    expectStatus(res, 201);
    const body = res.body;
    expect(Object.keys(body).sort()).toEqual(
      ['expires_at', 'headers', 'key', 'method', 'public_url', 'signed_url'].sort(),
    );
    expect(body.method).toBe('PUT');
    expect(body.headers).toEqual({ 'Content-Type': 'image/png' });
    expect(body.key).toMatch(
      new RegExp(`^${org.id}/reservation-service-image/[0-9a-f-]{36}\\.png$`),
    );
    expect(body.public_url).toBe(`/api/uploads/${body.key}`);
    expect(body.signed_url).toMatch(
      new RegExp(`^${BASE}/api/uploads/${body.key}\\?expires=\\d+&signature=[\\w-]{43}$`),
    );
    expect(body.expires_at).toMatch(ISO_UTC);
    // Ten minutes from the signing second (whole seconds), which falls between before and after.
    const expires = Date.parse(body.expires_at);
    expect(expires % 1000).toBe(0);
    expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 600_000);
    expect(expires).toBeLessThanOrEqual(after + 600_000);

    const row = await uploadRow(body.key);
    expect(row).toMatchObject({
      organization_id: org.id,
      type: 'reservation-service-image',
      file_name: 'photo.png',
      content_type: 'image/png',
      content_length: TINY_PNG.length,
      uploaded_at: null,
    });
    expect(row!.expires_at.toISOString()).toBe(body.expires_at);
  });

  it.each([
    ['image/png', 'png'],
    ['image/jpeg', 'jpg'],
    ['image/webp', 'webp'],
    ['image/gif', 'gif'],
  ])('names the file after the content type %s (.%s), never after file_name', async (type, ext) => {
    const body = await sign({
      type: 'booking-link-logo',
      content_type: type,
      file_name: '../../etc/passwd\u0000.html',
    });
    expect(body.key).toMatch(new RegExp(`^${org.id}/booking-link-logo/[0-9a-f-]{36}\\.${ext}$`));
    expect((await uploadRow(body.key))!.file_name).toBe('passwd.html');
  });

  it('accepts exactly 5 MiB and every upload type', async () => {
    for (const type of ['reservation-service-image', 'booking-link-logo', 'booking-link-cover']) {
      await sign({ type, content_length: MAX_UPLOAD_BYTES });
    }
  });

  it.each([
    ['an unknown type', { type: 'avatar' }, ['type']],
    ['an SVG', { content_type: 'image/svg+xml' }, ['content_type']],
    ['content_length 0', { content_length: 0 }, ['content_length']],
    ['content_length over 5 MiB', { content_length: MAX_UPLOAD_BYTES + 1 }, ['content_length']],
    ['a fractional content_length', { content_length: 10.5 }, ['content_length']],
    ['content_length as a string', { content_length: '100' }, ['content_length']],
    ['an empty file_name', { file_name: '  ' }, ['file_name']],
    ['an unknown field', { width: 100 }, ['width']],
  ])('refuses %s with 400 validation_error', async (_name, extra, paths) => {
    const res = await org.api.post('/s3-url-signing', signingBody(extra));
    expectError(res, 400, 'validation_error', paths);
  });

  it('names every missing field', async () => {
    expectError(await org.api.post('/s3-url-signing', {}), 400, 'validation_error', [
      'type',
      'file_name',
      'content_type',
      'content_length',
    ]);
  });

  it('refuses malformed JSON with 400', async () => {
    const res = await call('POST', '/s3-url-signing', {
      key: org.key,
      rawBody: '{"type":',
      headers: { 'content-type': 'application/json' },
    });
    expectError(res, 400, 'validation_error');
  });

  it('needs credentials (401)', async () => {
    expectError(
      await call('POST', '/s3-url-signing', { body: signingBody() }),
      401,
      'unauthenticated',
    );
  });

  it('is for admins: a staff user gets 403, an admin session 201', async () => {
    const withAdmin = await createTestOrg();
    const { cookie } = await addUser(withAdmin, 'staff');
    expectError(
      await sessionClient(cookie).post('/s3-url-signing', signingBody()),
      403,
      'forbidden',
    );
    const admin = sessionClient(await signIn(withAdmin.adminEmail, withAdmin.adminPassword));
    expectStatus(await admin.post('/s3-url-signing', signingBody()), 201);
  });
});

describe('the signed PUT and the public GET (local driver)', () => {
  it('stores the bytes once and serves them with their type', async () => {
    const signed = await sign();
    const res = await put(signed.signed_url, TINY_PNG, {
      'content-length': String(TINY_PNG.length),
    });
    expectStatus(res, 200);
    expect(res.body).toEqual({
      key: signed.key,
      public_url: signed.public_url,
      content_type: 'image/png',
      content_length: TINY_PNG.length,
      uploaded_at: expect.stringMatching(ISO_UTC),
    });
    expect((await uploadRow(signed.key))!.uploaded_at).toBeInstanceOf(Date);

    const got = await send('GET', signed.public_url);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(TINY_PNG)).toBe(true);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('content-length')).toBe(String(TINY_PNG.length));
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(got.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(fs.existsSync(path.join(dir, ...signed.key.split('/')))).toBe(true);
  });

  it('takes a streamed body without Content-Length', async () => {
    // A WebP's signature (RIFF....WEBP), then anything.
    const bytes = Buffer.alloc(300_000, 7);
    bytes.write('RIFF', 0, 'latin1');
    bytes.write('WEBP', 8, 'latin1');
    const signed = await sign({ content_type: 'image/webp', content_length: bytes.length });
    const res = await send('PUT', signed.signed_url, {
      body: streamOf(bytes),
      headers: { 'content-type': 'image/webp' },
    });
    expectStatus(res, 200);
    const got = await send('GET', signed.public_url);
    expect(got.headers.get('content-type')).toBe('image/webp');
    expect(got.bytes.equals(bytes)).toBe(true);
  });

  it('refuses another content type (400 content_type_mismatch), and the URL stays usable', async () => {
    const signed = await sign();
    expectError(
      await put(signed.signed_url, TINY_PNG, { 'content-type': 'image/jpeg' }),
      400,
      'content_type_mismatch',
    );
    expectError(
      await send('PUT', signed.signed_url, { body: TINY_PNG }),
      400,
      'content_type_mismatch',
    );
    await expectNothingStored(signed);
    expectStatus(await put(signed.signed_url, TINY_PNG), 200);
  });

  it.each([
    ['HTML', 'image/png', Buffer.from('<html><script>alert(1)</script></html>')],
    [
      'SVG',
      'image/png',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    ],
    ['a PNG', 'image/jpeg', TINY_PNG],
    ['a GIF', 'image/webp', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')],
    ['RIFF that is not WebP', 'image/webp', Buffer.from('RIFF\x00\x00\x00\x00WAVEfmt ', 'latin1')],
    ['zeros', 'image/gif', Buffer.alloc(64)],
  ])(
    'refuses %s declared as %s (400 content_mismatch), storing nothing',
    async (_l, type, bytes) => {
      const signed = await sign({ content_type: type, content_length: bytes.length });
      const res = await send('PUT', signed.signed_url, {
        body: bytes,
        headers: { 'content-type': type },
      });
      expectError(res, 400, 'content_mismatch');
      await expectNothingStored(signed);
    },
  );

  it.each([
    ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1])],
    ['image/gif', Buffer.from('GIF87a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')],
  ])('takes a %s whose bytes are one', async (type, bytes) => {
    const signed = await sign({ content_type: type, content_length: bytes.length });
    const res = await send('PUT', signed.signed_url, {
      body: bytes,
      headers: { 'content-type': type },
    });
    expectStatus(res, 200);
  });

  it('refuses a larger streamed body (413) without keeping any of it', async () => {
    const signed = await sign({ content_length: 100_000 });
    const res = await send('PUT', signed.signed_url, {
      body: streamOf(Buffer.alloc(100_001, 1), 16 * 1024),
      headers: { 'content-type': 'image/png' },
    });
    expectError(res, 413, 'payload_too_large');
    await expectNothingStored(signed);
  });

  it('refuses a Content-Length larger than signed (413) before reading the body', async () => {
    const signed = await sign();
    let pulled = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled = true;
          controller.enqueue(new Uint8Array(10));
        },
      },
      { highWaterMark: 0 },
    );
    const res = await send('PUT', signed.signed_url, {
      body,
      headers: { 'content-type': 'image/png', 'content-length': String(TINY_PNG.length + 1) },
    });
    expectError(res, 413, 'payload_too_large');
    expect(pulled).toBe(false);
    await expectNothingStored(signed);
  });

  it('refuses a shorter body (400 content_length_mismatch)', async () => {
    const signed = await sign();
    expectError(
      await put(signed.signed_url, TINY_PNG.subarray(0, 10)),
      400,
      'content_length_mismatch',
    );
    await expectNothingStored(signed);
  });

  it('refuses an expired URL (403 upload_expired)', async () => {
    const ctx = await orgCtx(org.id, new Date(Date.now() - 11 * 60_000));
    const signed = await createSignedUpload(ctx, signingBody(), { origin: BASE });
    expect(Date.parse(signed.expires_at)).toBeLessThan(Date.now());
    expectError(await put(signed.signed_url, TINY_PNG), 403, 'upload_expired');
    await expectNothingStored(signed);
  });

  it('refuses a tampered signature (403 invalid_signature)', async () => {
    const signed = await sign();
    const sig = new URL(signed.signed_url).searchParams.get('signature')!;
    const flipped = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1);
    for (const bad of [flipped, sig.slice(0, -1), `${sig}A`, 'not-a-signature']) {
      expectError(
        await put(withQuery(signed.signed_url, 'signature', bad), TINY_PNG),
        403,
        'invalid_signature',
      );
    }
    await expectNothingStored(signed);
  });

  it('refuses a tampered expiry (403 invalid_signature)', async () => {
    const signed = await sign();
    const expires = Number(new URL(signed.signed_url).searchParams.get('expires'));
    expectError(
      await put(withQuery(signed.signed_url, 'expires', String(expires + 3600)), TINY_PNG),
      403,
      'invalid_signature',
    );
    await expectNothingStored(signed);
  });

  it('refuses a tampered key (403 invalid_signature)', async () => {
    const signed = await sign();
    const other = await sign();
    const url = new URL(signed.signed_url);
    // Another organization, another type, another file name, another issued key.
    const variants = [
      signed.key.replace(org.id, randomUUID()),
      signed.key.replace('reservation-service-image', 'booking-link-logo'),
      signed.key.replace(/[0-9a-f-]{36}\.png$/, `${randomUUID()}.png`),
      signed.key.replace(/\.png$/, '.gif'),
      other.key,
    ];
    for (const key of variants) {
      url.pathname = `/api/uploads/${key}`;
      expectError(await put(url.toString(), TINY_PNG), 403, 'invalid_signature');
    }
    await expectNothingStored(signed);
    await expectNothingStored(other);
  });

  it('refuses a URL without its signature or expiry (403 invalid_signature)', async () => {
    const signed = await sign();
    for (const name of ['signature', 'expires']) {
      expectError(
        await put(withQuery(signed.signed_url, name, null), TINY_PNG),
        403,
        'invalid_signature',
      );
    }
    await expectNothingStored(signed);
  });

  it('is single use: a second PUT is 409 already_uploaded', async () => {
    const signed = await sign();
    expectStatus(await put(signed.signed_url, TINY_PNG), 200);
    expectError(await put(signed.signed_url, TINY_PNG), 409, 'already_uploaded');
  });

  it('serves nothing outside the uploads directory, and 404 for unknown keys', async () => {
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    for (const p of [
      `/api/uploads/${org.id}/reservation-service-image/${randomUUID()}.png`,
      `/api/uploads/${org.id}/reservation-service-image/..%2F..%2Fsecret.txt`,
      `/api/uploads/..%2F..%2F/reservation-service-image/secret.txt`,
      `/api/uploads/${org.id}/reservation-service-image/secret.txt`,
    ]) {
      expectError(await send('GET', p), 404, 'not_found');
    }
    expectError(
      await put(`/api/uploads/..%2F..%2Ftmp/x/y.png?expires=1&signature=x`, TINY_PNG),
      403,
      'invalid_signature',
    );
  });
});
