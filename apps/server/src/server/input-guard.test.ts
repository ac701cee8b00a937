import net from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type TestUser } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

// Inputs an attacker sends to make the server fail: each was a 500 with an error-level stack
// trace (a log flood anyone could trigger) or an error body outside the project's shape.
let t: TestApp;
let user: TestUser;
const errorLogs: string[] = [];

beforeAll(async () => {
  t = await createTestApp({
    logStream: new Writable({
      write(chunk, _encoding, done) {
        const line = String(chunk);
        if (/"level":(50|60)/.test(line)) errorLogs.push(line);
        done();
      },
    }),
  });
  user = await signUp(t, 'guard_user');
});
afterAll(async () => {
  await t.close();
});

async function call(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object | string, headers: Record<string, string> = {}) {
  const response = await t.app.inject({ method, url, headers: { cookie: user.cookie, ...headers }, ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.json() as { error: { code: string; message: string } } };
}

describe('refused input', () => {
  it.each([
    ['GET', '/api/topics/trending?limit=1e309', 'invalid_number'],
    ['GET', '/api/topics/cats/notes?limit=1e309', 'invalid_number'],
    ['GET', '/api/search?q=a%00b', 'invalid_text'],
    ['GET', '/api/topics/a%00b', 'invalid_text'],
  ] as const)('%s %s → 400 %s', async (method, url, code) => {
    const response = await call(method, url);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe(code);
  });

  it('refuses NUL and lone surrogates in comments, bios and board names, writing nothing', async () => {
    const before = await t.database.db
      .selectFrom('boards')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect((await call('PATCH', '/api/me', { bio: 'a\u0000b' })).body.error.code).toBe('invalid_text');
    expect((await call('PATCH', '/api/me', { bio: 'a\ud800b' })).body.error.code).toBe('invalid_text');
    expect((await call('POST', '/api/boards', { name: 'a\u0000b' })).body.error.code).toBe('invalid_text');
    expect((await call('POST', '/api/notes/1/comments', { body: 'hi\u0000' })).body.error.code).toBe('invalid_text');
    // A JSON number past double range parses to Infinity.
    expect((await call('POST', '/api/boards', '{"name":"x","isPrivate":1e999}', { 'content-type': 'application/json' })).status).toBe(400);
    const after = await t.database.db
      .selectFrom('boards')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: user.cookie } });
    expect(me.json().bio).toBe('');
  });

  it('keeps emoji (surrogate pairs) and right-to-left text in comments', async () => {
    expect((await call('PATCH', '/api/me', { bio: 'cats 🐱' })).status).toBe(200);
  });

  it('never logged an error for any of it', () => {
    expect(errorLogs).toEqual([]);
  });
});

describe('framework errors in the project shape', () => {
  it.each([
    ['a broken %-escape', '/api/topics/a%ZZb', 400, 'bad_url'],
    ['a 2000-character path segment', `/api/topics/${'a'.repeat(2000)}`, 414, 'uri_too_long'],
    ['an unknown API route', '/api/no-such-route', 404, 'not_found'],
  ] as const)('%s → %i %s', async (_label, url, status, code) => {
    const response = await call('GET', url);
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(JSON.stringify(response.body)).not.toContain('aaaaaaaaaa');
  });

  it('answers 413, 415 and bad JSON in the shape', async () => {
    const json = { 'content-type': 'application/json' };
    expect((await call('POST', '/api/boards', `{"name":"${'a'.repeat(2_000_000)}"}`, json)).body.error.code).toBe('payload_too_large');
    expect((await call('POST', '/api/boards', '<a/>', { 'content-type': 'application/xml' })).body.error.code).toBe('unsupported_media_type');
    expect((await call('POST', '/api/boards', '{"name":', json)).body.error.code).toBe('invalid_json');
  });

  it('answers oversized headers on a real socket in the shape', async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const address = t.app.server.address() as net.AddressInfo;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(address.port, '127.0.0.1', () => {
        socket.write(`GET /api/${'a'.repeat(40_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
      });
      let data = '';
      socket.on('data', (chunk) => {
        data += chunk;
      });
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1.1 431/);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'headers_too_large', message: expect.any(String) } });
  });
});
