import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signUp, type TestUser } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

// Every route of the OpenAPI document gets malformed input (wrong types, missing fields,
// huge, negative and non-finite numbers, NUL bytes, 10k-character strings, unknown ids, bad
// cursors, bad path params), anonymously and signed in. No answer may be a 5xx, every error
// must be in the project's shape, and a refused request must leave the user-writable tables
// exactly as they were.

let t: TestApp;
let user: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  user = await signUp(t, 'fuzz_user');
}, 60_000);
afterAll(async () => {
  await t?.close();
});

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; enum?: unknown[] };
interface Operation {
  parameters?: { in: string; name: string; schema?: Schema; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

const HOSTILE_VALUES: unknown[] = ['a\u0000b', 'x'.repeat(10_000), '1e309', '-1', '99999999999999999999999', 'not-a-cursor!!', '\ud800', ''];
const HOSTILE_BODIES: unknown[] = [null, [], 'text', 42, { unknown: true }];

// Routes whose success ends the fuzzer's own session, and so would blind the signed-in half.
const SESSION_ENDERS = new Set(['POST /api/auth/signout', 'DELETE /api/me', 'DELETE /api/me/sessions', 'DELETE /api/auth/sessions']);
// Tables written on every request whatever its outcome, by design (a request is a sighting
// of a session, and rate limits count refused attempts too).
const BOOKKEEPING_TABLES = new Set(['sessions', 'rate_limit_buckets', 'kysely_migration', 'kysely_migration_lock']);

function bodyVariants(schema: Schema | undefined): unknown[] {
  const variants: unknown[] = [...HOSTILE_BODIES, {}];
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    for (const value of [...HOSTILE_VALUES, 1e308, -1, true, { nested: 'a\u0000' }]) variants.push({ [name]: value });
    if (property.type === 'number' || property.type === 'integer') variants.push({ [name]: 'NaN' });
  }
  return variants;
}

// Every write to a user-writable table logs a row in fuzz_writes inside the same transaction:
// a write rolled back with its refused request leaves nothing, one that sticks is counted.
async function installWriteLog(): Promise<void> {
  const db = t.database.db;
  await sql`create table fuzz_writes (table_name text not null)`.execute(db);
  await sql`create function fuzz_log_write() returns trigger language plpgsql as $$
    begin insert into fuzz_writes values (TG_TABLE_NAME); return null; end $$`.execute(db);
  const tables = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema()`.execute(db);
  for (const { name } of tables.rows) {
    if (BOOKKEEPING_TABLES.has(name) || name === 'fuzz_writes') continue;
    await sql`create trigger fuzz_log after insert or update or delete on ${sql.table(name)} for each row execute function fuzz_log_write()`.execute(db);
  }
}

async function writesSince(mark: number): Promise<string[]> {
  const rows = await sql<{ table_name: string }>`select table_name from fuzz_writes offset ${mark}`.execute(t.database.db);
  return rows.rows.map((row) => row.table_name);
}

function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80'; // a lone surrogate cannot be percent-encoded; its UTF-8 bytes stand in
  }
}

function fill(route: string, value: string): string {
  return route.replace(/\{[^}]+\}/g, encode(value));
}

it('no route answers 5xx or leaves its error shape, and refused requests change nothing', async () => {
  const doc = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
  const failures: string[] = [];
  let requests = 0;
  await installWriteLog();
  let mark = 0;
  for (const [route, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const key = `${method.toUpperCase()} ${route}`;
      const query = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query');
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      const attempts: { url: string; payload?: unknown }[] = [];
      const idValues = route.includes('{') ? ['999999999', '0', 'a\u0000b', 'x'.repeat(300), '../../etc/passwd', '-1'] : [''];
      for (const id of idValues) attempts.push({ url: fill(route, id) });
      const base = fill(route, '999999999');
      for (const parameter of query) {
        for (const value of HOSTILE_VALUES) attempts.push({ url: `${base}?${parameter.name}=${encode(String(value))}` });
      }
      if (bodySchema || ['post', 'put', 'patch'].includes(method)) {
        for (const payload of bodyVariants(bodySchema)) attempts.push({ url: base, payload });
      }
      for (const who of [undefined, user]) {
        if (who && SESSION_ENDERS.has(key)) continue;
        for (const attempt of attempts) {
          const response = await t.app.inject({
            method: method.toUpperCase() as 'GET',
            url: attempt.url,
            headers: { ...(who ? { cookie: who.cookie } : {}), ...(attempt.payload !== undefined ? { 'content-type': 'application/json' } : {}) },
            ...(attempt.payload !== undefined ? { payload: JSON.stringify(attempt.payload) } : {}),
          });
          requests += 1;
          const label = `${key} ${who ? 'signed-in' : 'anonymous'} ${attempt.url.slice(0, 80)} ${JSON.stringify(attempt.payload)?.slice(0, 80) ?? ''}`;
          if (response.statusCode >= 500) failures.push(`${label} → ${response.statusCode} ${response.body.slice(0, 200)}`);
          if (response.statusCode >= 400) {
            const body = safeJson(response.body) as { error?: { code?: unknown; message?: unknown } } | undefined;
            // A HEAD answer has no body by definition (HTTP), so only its status is checked.
            if (method !== 'head' && (typeof body?.error?.code !== 'string' || typeof body.error.message !== 'string')) {
              failures.push(`${label} → ${response.statusCode} outside the error shape: ${response.body.slice(0, 200)}`);
            }
            const written = await writesSince(mark);
            if (written.length > 0) failures.push(`${label} → ${response.statusCode} but wrote ${[...new Set(written)].join(', ')}`);
          }
          mark += (await writesSince(mark)).length;
        }
      }
    }
  }
  expect(requests).toBeGreaterThan(1000);
  if (failures.length) console.log(failures.join('\n'));
  expect(failures).toEqual([]);
}, 180_000);

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
