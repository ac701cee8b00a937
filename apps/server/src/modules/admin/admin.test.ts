import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.js';

const run = promisify(execFile);
const serverDir = path.resolve(import.meta.dirname, '../../..');
const tsx = path.resolve(serverDir, '../../node_modules/.bin/tsx');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function admin(...args: string[]) {
  return run(tsx, ['src/cli/admin.ts', ...args], {
    cwd: serverDir,
    // The CLI shares the app's keys (here its DATA_DIR/secrets.json): the blind index needs them.
    env: { ...process.env, DATABASE_URL: t.database.url, DATA_DIR: t.config.dataDir, NODE_ENV: 'test' },
  }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('admin role', () => {
  it('`npm run admin -- grant <phone>` makes an administrator who can open admin endpoints', async () => {
    const { cookie } = await signIn(t, '+14155552671', { handle: 'operator', displayName: 'Op' });
    const before = await t.app.inject({ url: '/api/admin/overview', headers: { cookie } });
    expect(before.statusCode).toBe(403);
    expect(before.json().error.code).toBe('forbidden');

    const granted = await admin('grant', '+1 415 555 2671');
    expect(granted.code).toBe(0);
    expect(granted.stdout).toContain('(@operator) is now an administrator');
    expect(granted.stdout).not.toMatch(/555.?2671/);

    const after = await t.app.inject({ url: '/api/admin/overview', headers: { cookie } });
    expect(after.statusCode).toBe(200);
    expect(after.json().users).toMatchObject({ total: 1, admins: 1 });
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).json().role).toBe('admin');

    expect((await admin('revoke', '+14155552671')).code).toBe(0);
    expect((await t.app.inject({ url: '/api/admin/overview', headers: { cookie } })).statusCode).toBe(403);
  });

  it('explains unknown numbers and bad usage', async () => {
    const unknown = await admin('grant', '+8613800138000');
    expect(unknown.code).toBe(1);
    // Named masked: error messages end up in terminals and tickets.
    expect(unknown.stderr).toContain('No account uses +86 ••• ••• ••00');
    expect(unknown.stderr).not.toContain('13800138000');
    const invalid = await admin('grant', 'not-a-phone');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('not a valid phone number');
    const usage = await admin('promote');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage');
  });

  it('refuses admin endpoints without a session', async () => {
    expect((await t.app.inject({ url: '/api/admin/overview' })).statusCode).toBe(401);
  });
});
