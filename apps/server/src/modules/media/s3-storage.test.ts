import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadImage } from '../../../test/media-fixtures.js';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import { S3Storage } from './s3-storage.js';

// A local stand-in for an S3-compatible service, speaking its documented REST
// format: PutObject is `PUT /{bucket}/{key}` (path style), DeleteObjects is
// `POST /{bucket}?delete` with an XML body; requests are SigV4-signed; errors
// are XML `<Error><Code>…</Code></Error>`.
const objects = new Map<string, { body: Buffer; contentType: string; cacheControl: string }>();
const authorizations: string[] = [];
let failNext = false;
let server: http.Server;
let endpoint: string;

/** Bodies may arrive aws-chunked (the SDK's streaming checksums): "<hex>[;ext]\r\n<data>\r\n…0\r\n<trailers>". */
function decode(raw: Buffer, headers: http.IncomingHttpHeaders): Buffer {
  if (!String(headers['content-encoding'] ?? '').includes('aws-chunked') && !headers['x-amz-decoded-content-length']) return raw;
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', offset);
    const size = parseInt(raw.subarray(offset, lineEnd).toString().split(';')[0]!, 16);
    if (!size) break;
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      authorizations.push(String(req.headers.authorization ?? ''));
      if (failNext) {
        failNext = false;
        res
          .writeHead(403, { 'content-type': 'application/xml' })
          .end('<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>');
        return;
      }
      const url = new URL(req.url!, 'http://s3.local');
      if (req.method === 'PUT') {
        objects.set(decodeURIComponent(url.pathname), {
          body: decode(Buffer.concat(chunks), req.headers),
          contentType: String(req.headers['content-type']),
          cacheControl: String(req.headers['cache-control']),
        });
        res.writeHead(200, { etag: '"abc"' }).end();
      } else if (req.method === 'POST' && url.searchParams.has('delete')) {
        const bucket = url.pathname.replace(/\/$/, '');
        for (const [, key] of decode(Buffer.concat(chunks), req.headers)
          .toString()
          .matchAll(/<Key>([^<]+)<\/Key>/g))
          objects.delete(`${bucket}/${key}`);
        res
          .writeHead(200, { 'content-type': 'application/xml' })
          .end('<?xml version="1.0" encoding="UTF-8"?><DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"></DeleteResult>');
      } else {
        res.writeHead(405).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const storage = () =>
  new S3Storage({
    bucket: 'qiao-media',
    region: 'us-east-1',
    endpoint,
    accessKeyId: 'AKIATESTKEY',
    secretAccessKey: 'test-secret',
    forcePathStyle: true,
    publicBaseUrl: 'https://cdn.qiao.example',
  });

describe('S3Storage', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ storage: storage() });
  });
  afterAll(() => t.close());

  it('stores uploaded variants in the bucket with a year-long cache and signed requests', async () => {
    const { cookie } = await signIn(t, '+14155552671', { handle: 'bucket_ann', displayName: 'Ann' });
    const response = await uploadImage(t, cookie);
    expect(response.statusCode).toBe(201);
    const image = response.json().image;
    expect(image.url).toMatch(/^https:\/\/cdn\.qiao\.example\/images\/.+-[0-9]+\.webp$/);
    for (const variant of image.variants) {
      const stored = objects.get(`/qiao-media/${variant.url.replace('https://cdn.qiao.example/', '')}`);
      expect(stored, variant.url).toBeDefined();
      expect(stored!.contentType).toBe('image/webp');
      expect(stored!.cacheControl).toBe('public, max-age=31536000, immutable');
      expect(stored!.body.subarray(8, 12).toString()).toBe('WEBP');
    }
    expect(authorizations.every((header) => header.startsWith('AWS4-HMAC-SHA256 Credential=AKIATESTKEY/'))).toBe(true);

    // Abandoned uploads are deleted from the bucket too.
    t.advance(25 * 3600);
    await t.app.content.images.removeAbandoned(t.now);
    expect([...objects.keys()].filter((key) => key.includes(image.variants[0].url.split('/').pop()))).toEqual([]);
  });

  it('answers 503 storage_unavailable when the bucket refuses, and keeps nothing', async () => {
    const { cookie } = await signIn(t, '+14155552672', { handle: 'bucket_bob', displayName: 'Bob' });
    const before = (await t.database.db.selectFrom('images').select('id').execute()).length;
    failNext = true;
    const response = await uploadImage(t, cookie);
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('storage_unavailable');
    expect((await t.database.db.selectFrom('images').select('id').execute()).length).toBe(before);
  });
});
