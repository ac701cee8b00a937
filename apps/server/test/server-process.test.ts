import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../src/lib/free-port.js';
import { createTestDatabase } from './test-database.js';

// The real entry point as `npm start` runs it: embedded PostgreSQL, the data
// directory lock, shutdown on SIGTERM, data kept across restarts.

const serverDir = path.resolve(import.meta.dirname, '..');
const tsx = path.resolve(serverDir, '../../node_modules/.bin/tsx');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-process-'));
fs.chmodSync(dataDir, 0o755);
const running = new Set<ChildProcess>();

interface Started {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

async function startServer(env: Record<string, string> = {}): Promise<Started> {
  const port = await findFreePort();
  const child = spawn(tsx, ['src/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      WEB_DIST_DIR: '/nonexistent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return { child, port, output: () => output, exited };
}

async function waitHealthy(server: Started, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server not healthy in time:\n${server.output()}`);
}

const api = (server: Started, url: string, init: RequestInit = {}) =>
  fetch(`http://127.0.0.1:${server.port}${url}`, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the server process', () => {
  it('starts on an empty data dir, refuses a second start, stops cleanly, and keeps data across restarts', async () => {
    const first = await startServer();
    await waitHealthy(first);
    // A first start on an empty database builds the demo world.
    const explore = (await (await api(first, '/api/feed?limit=5')).json()) as { items: unknown[] };
    expect(explore.items).toHaveLength(5);

    const phone = '+14155552671';
    await api(first, '/api/auth/code', { method: 'POST', body: JSON.stringify({ phone }) });
    const inbox = (await (await api(first, `/api/dev/sms?to=${encodeURIComponent(phone)}`)).json()) as { messages: Array<{ code: string }> };
    const verified = await api(first, '/api/auth/verify', { method: 'POST', body: JSON.stringify({ phone, code: inbox.messages[0]!.code }) });
    const cookie = verified.headers.get('set-cookie')!.split(';')[0]!;
    const patched = await api(first, '/api/me', { method: 'PATCH', headers: { cookie }, body: JSON.stringify({ handle: 'persistent', displayName: 'Stays' }) });
    expect(patched.status).toBe(200);

    const second = await startServer();
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('already using the data directory');
    // The first one is unharmed.
    expect((await api(first, '/api/health')).status).toBe(200);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'qiao.lock'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const third = await startServer();
    await waitHealthy(third);
    const profile = await api(third, '/api/users/persistent');
    expect(profile.status).toBe(200);
    expect(((await profile.json()) as { displayName: string }).displayName).toBe('Stays');
    // The session survived the restart too: sessions live in the database.
    expect((await api(third, '/api/me', { headers: { cookie } })).status).toBe(200);
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  }, 240_000);

  it('uses DATABASE_URL instead of the embedded database when set', async () => {
    const database = await createTestDatabase();
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-external-'));
    try {
      const server = await startServer({ DATABASE_URL: database.url, DATA_DIR: otherDir, DEMO_CONTENT: 'false' });
      await waitHealthy(server);
      expect(fs.existsSync(path.join(otherDir, 'postgres'))).toBe(false);
      const tables = await database.db.selectFrom('users').select('id').execute();
      expect(tables).toEqual([]);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      await database.drop();
      fs.rmSync(otherDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('explains a bad configuration instead of crashing', async () => {
    const server = await startServer({ PORT: 'eighty' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('PORT must be an integer');
  });
});
