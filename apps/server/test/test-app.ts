import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type DestinationStream, pino } from 'pino';
import { loggerOptions } from '../src/lib/log-redaction.js';
import { type Config, loadConfig } from '../src/config/config.js';
import type { MediaStorage } from '../src/modules/media/media-storage.js';
import { ConsoleSmsProvider } from '../src/modules/sms/console-sms-provider.js';
import type { SmsProvider } from '../src/modules/sms/sms-provider.js';
import { buildApp } from '../src/server/app.js';
import { createVault } from '../src/kernel/vault/create-vault.js';
import { encryptLegacyPhones } from '../src/modules/accounts/legacy-phones.js';
import type { PersonalDataVault } from '../src/kernel/vault/personal-data-vault.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  sms: ConsoleSmsProvider;
  config: Config;
  /** The app's vault (keys generated into the test's DATA_DIR): tests compute blind indexes with it. */
  vault: PersonalDataVault;
  /** The clock the app reads; move it with `advance`. */
  now: Date;
  advance(seconds: number): void;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  sms?: SmsProvider;
  storage?: MediaStorage;
  /** Every statement the app sends to PostgreSQL, with its parameters. */
  onQuery?: (sql: string, parameters: readonly unknown[]) => void;
  /** Where the app logs (with its production redaction), at trace level; silent otherwise. */
  logStream?: DestinationStream;
  /** Build routes of a test's own before the app is ready. */
  extend?: (app: FastifyInstance) => void;
}

/** The real app on a real database of its own, driven through `app.inject`. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase(options.onQuery);
  // Media files go to a scratch directory, never the repository's ./data.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-test-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    WEB_DIST_DIR: '/nonexistent',
    DATA_DIR: dataDir,
    READ_CACHE_MS: '0',
    SESSION_CACHE_MS: '0',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const sms = new ConsoleSmsProvider(() => {});
  const state = { now: new Date('2026-11-24T12:00:00Z') };
  const vault = createVault(config);
  // As main.ts does at start: the plain phone column of older versions goes.
  await encryptLegacyPhones(database.db, vault, state.now);
  const app = await buildApp({
    vault,
    ...(options.logStream ? { logger: pino(loggerOptions('trace'), options.logStream) } : {}),
    config,
    db: database.db,
    secretKey: 'test-secret-key-that-is-long-enough-0123456789',
    sms: options.sms ?? sms,
    storage: options.storage,
    clock: () => state.now,
  });
  options.extend?.(app);
  await app.ready();
  return {
    app,
    database,
    sms,
    config,
    vault,
    get now() {
      return state.now;
    },
    advance(seconds: number) {
      state.now = new Date(state.now.getTime() + seconds * 1000);
    },
    async close() {
      await app.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The latest code the console provider "sent" to a number. */
export function lastCode(sms: ConsoleSmsProvider, phone: string): string {
  const message = sms.recent(phone)[0];
  const code = message && /\b(\d{6})\b/.exec(message.body)?.[1];
  if (!code) throw new Error(`no code sent to ${phone}`);
  return code;
}

export function sessionCookie(response: { cookies: Array<{ name: string; value: string }> }): string {
  const cookie = response.cookies.find((c) => c.name === 'qiao_session');
  if (!cookie) throw new Error('no session cookie set');
  return `qiao_session=${cookie.value}`;
}

let ipCounter = 0;
/** Distinct client addresses keep per-IP limits out of tests that are not about them. */
export function nextIp(): string {
  ipCounter += 1;
  return `10.0.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

/** Signs a number in through the real code flow and returns the session cookie. */
export async function signIn(t: TestApp, phone: string, profile?: { handle: string; displayName: string }) {
  const ip = nextIp();
  const sent = await t.app.inject({ method: 'POST', url: '/api/auth/code', payload: { phone }, remoteAddress: ip });
  if (sent.statusCode !== 202) throw new Error(`code request failed: ${sent.body}`);
  const verified = await t.app.inject({
    method: 'POST',
    url: '/api/auth/verify',
    payload: { phone: sent.json().phone, code: lastCode(t.sms, sent.json().phone) },
    remoteAddress: ip,
  });
  if (verified.statusCode !== 200) throw new Error(`verify failed: ${verified.body}`);
  const cookie = sessionCookie(verified);
  if (profile) {
    const patched = await t.app.inject({ method: 'PATCH', url: '/api/me', payload: profile, headers: { cookie } });
    if (patched.statusCode !== 200) throw new Error(`profile failed: ${patched.body}`);
  }
  return { cookie, user: verified.json().user as { id: string; phone: string } };
}
