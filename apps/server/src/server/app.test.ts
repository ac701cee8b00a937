import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    extend(app) {
      app.get('/api/test-only/explode', async () => {
        throw new Error('secret internal detail at /srv/qiao/db.ts:42');
      });
    },
  });
});
afterAll(() => t.close());

describe('HTTP skeleton', () => {
  it('reports health with the database state', async () => {
    const response = await t.app.inject({ url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: { status: 'up' } });
  });

  it('publishes an OpenAPI document covering every API route, and the docs page', async () => {
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    for (const path of ['/api/health', '/api/auth/code', '/api/auth/verify', '/api/me', '/api/sessions/{id}', '/api/users/{handle}']) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    expect(spec.paths['/api/auth/code'].post.requestBody).toBeDefined();
    const docs = await t.app.inject({ url: '/api/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('sends security headers and a request id', async () => {
    const response = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': 'trace-123' } });
    expect(response.headers['x-request-id']).toBe('trace-123');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBeDefined();
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers['permissions-policy']).toContain('camera=()');
    expect(response.headers['permissions-policy']).toContain('geolocation=()');
    const generated = await t.app.inject({ url: '/api/health' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await t.app.inject({ url: '/api/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });

  it('refuses non-JSON, malformed JSON, and oversized bodies with stable codes', async () => {
    const url = '/api/auth/code';
    const malformed = await t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: '{"phone":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('invalid_json');

    const text = await t.app.inject({ method: 'POST', url, headers: { 'content-type': 'text/plain' }, payload: 'phone=1' });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('unsupported_media_type');

    const huge = await t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ phone: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');

    const missing = await t.app.inject({ method: 'POST', url, payload: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('validation_failed');
    expect(missing.json().error.details[0].field).toContain('body');
    expect(await t.database.db.selectFrom('phone_codes').selectAll().execute()).toHaveLength(0);
  });

  it('never leaks internals on a server error', async () => {
    const response = await t.app.inject({ url: '/api/test-only/explode' });
    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe('internal_error');
    expect(response.body).not.toContain('secret internal detail');
    expect(response.body).not.toContain('.ts');
  });

  it('tells page requests that the web app is not built when it is not', async () => {
    const response = await t.app.inject({ url: '/me' });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('not built');
  });

  it('lets the page load media from the CDN in MEDIA_BASE_URL, and nothing else from elsewhere', async () => {
    const cdn = await createTestApp({ env: { MEDIA_BASE_URL: 'https://cdn.qiao.example/media' } });
    try {
      const policy = String((await cdn.app.inject({ url: '/api/health' })).headers['content-security-policy']);
      for (const directive of ['img-src', 'media-src', 'connect-src']) {
        expect(policy).toMatch(new RegExp(`${directive} [^;]*https://cdn\\.qiao\\.example`));
      }
      expect(policy).not.toMatch(/script-src [^;]*cdn\.qiao/);
    } finally {
      await cdn.close();
    }
  });

  it('exposes the development SMS inbox only outside production with the console provider', async () => {
    expect((await t.app.inject({ url: '/api/meta' })).json()).toMatchObject({ devSmsInbox: true, smsProvider: 'console' });
    expect((await t.app.inject({ url: '/api/dev/sms' })).statusCode).toBe(200);
    const production = await createTestApp({ env: { NODE_ENV: 'production' } });
    try {
      expect((await production.app.inject({ url: '/api/meta' })).json().devSmsInbox).toBe(false);
      expect((await production.app.inject({ url: '/api/dev/sms' })).statusCode).toBe(404);
    } finally {
      await production.close();
    }
  });
});

describe('serving the built web app', () => {
  it('serves files with cache headers and falls back to index.html for app routes, JSON 404 for the API', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Qiao</title>');
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    const web = await createTestApp({ env: { WEB_DIST_DIR: dist } });
    try {
      for (const url of ['/', '/assets/']) {
        const shell = await web.app.inject({ url });
        expect(shell.statusCode, url).toBe(200);
        expect(shell.body, url).toContain('<title>Qiao</title>');
        expect(shell.headers['cache-control'], url).toBe('no-cache');
      }
      const page = await web.app.inject({ url: '/u/someone' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>Qiao</title>');
      expect(page.headers['cache-control']).toBe('no-cache');

      const asset = await web.app.inject({ url: '/assets/app-abc123.js' });
      expect(asset.headers['cache-control']).toContain('immutable');
      expect(asset.headers['content-type']).toContain('javascript');

      // A file added after start (a rebuild) is served without a restart.
      fs.writeFileSync(path.join(dist, 'assets', 'app-def456.js'), 'console.log(2)');
      expect((await web.app.inject({ url: '/assets/app-def456.js' })).statusCode).toBe(200);

      const api = await web.app.inject({ url: '/api/missing' });
      expect(api.statusCode).toBe(404);
      expect(api.json().error.code).toBe('not_found');
    } finally {
      await web.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});
