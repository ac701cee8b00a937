import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../test/test-app.js';

// A page on another site cannot make the visitor's browser change anything in
// Qiao: state-changing requests from another origin are refused, the app's own
// and non-browser clients pass, and reads are never blocked.

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  ({ cookie } = await signIn(t, '+14155550701', { handle: 'csrf_c', displayName: 'C' }));
});
afterAll(() => t.close());

const patch = (headers: Record<string, string>) =>
  t.app.inject({ method: 'PATCH', url: '/api/me', payload: { bio: 'hello' }, headers: { cookie, host: 'qiao.example', ...headers } });

describe('same-origin check', () => {
  it('refuses state changes from another site and lets the app and plain clients through', async () => {
    expect((await patch({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await patch({ 'sec-fetch-site': 'same-site' })).statusCode).toBe(403);
    expect((await patch({ origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await patch({ origin: 'null' })).statusCode).toBe(403);
    expect((await patch({ 'sec-fetch-site': 'same-origin', origin: 'https://qiao.example' })).statusCode).toBe(200);
    expect((await patch({ origin: 'http://qiao.example' })).statusCode).toBe(200);
    expect((await patch({})).statusCode).toBe(200);
    const refused = await patch({ 'sec-fetch-site': 'cross-site' });
    expect(refused.json().error.code).toBe('forbidden');
    // Reads are not state changes.
    expect((await t.app.inject({ url: '/api/me', headers: { cookie, 'sec-fetch-site': 'cross-site' } })).statusCode).toBe(200);
  });
});
