import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { phoneNumbers } from './phone-pool.js';
import type { BenchServer } from './server.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface WorldSize {
  users: number;
  notes: number;
  likes: number;
  /** Signed-in sessions the load uses (each a separate account). */
  sessions: number;
}

export interface World {
  /** How the data set was built: seeding wall time, and the item model's full rebuild as the seeder ran it. */
  seeding: {
    seconds: number;
    /** Seconds per phase as the seeder logged them: loading ("events (signals and impressions)", ...) and each job ("job similarities", ...). */
    phases: Record<string, number>;
    similarityJob: { model: string; seconds: number; phasesMs: Record<string, number> } | null;
  };
  cookies: string[];
  hotNoteId: string;
  topic: string;
  topicNoteIds: string[];
}

/** Runs a command; its output lines go to stderr (stdout is the report's) and are returned. */
function run(command: string, args: string[], env: Record<string, string>): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      process.stderr.write(chunk);
    });
    child.on('exit', (code) => (code === 0 ? resolve(output.split('\n')) : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

/** The seeder's "seed: <phase> in <n> s" lines, as seconds by phase (data phases, then each recommender job as "job <name>"). */
export function seedPhases(lines: readonly string[]): Record<string, number> {
  const phases: Record<string, number> = {};
  for (const line of lines) {
    const match = /^seed: (.+) in ([\d.]+) s$/.exec(line.trim());
    if (match) phases[match[1]!.replace(/^\d+ /, '')] = Number(match[2]);
  }
  return phases;
}

/** The body of a successful response; anything else throws with its status and text. */
export async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Gives seeded accounts (which have no number) numbers to sign in with, through the
 * server's own vault (`apps/server/src/cli/attach-phones.ts`): numbers are stored only
 * encrypted, so SQL alone cannot set one.
 */
export function attachPhones(server: BenchServer, pairs: Array<{ userId: string; phone: string }>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), ['apps/server/src/cli/attach-phones.ts'], {
      cwd: repoRoot,
      env: { ...process.env, ...server.env },
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`attach-phones exited ${code}`))));
    child.stdin!.end(pairs.map((pair) => JSON.stringify(pair)).join('\n'));
  });
}

/** Seeds the data set through `npm run seed` (into the running server's database) and signs accounts in. */
export async function prepareWorld(server: BenchServer, size: WorldSize): Promise<World> {
  const started = Date.now();
  const output = await run(
    path.join(repoRoot, 'node_modules/.bin/tsx'),
    ['apps/server/src/cli/seed.ts', '--users', String(size.users), '--notes', String(size.notes), '--likes', String(size.likes), '--seed', '42'],
    server.env,
  );
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  process.stderr.write(`seeded in ${seconds} s\n`);
  const [job] = await server.query<{ details: { spec: unknown; lastRun?: { ms: number; phasesMs: Record<string, number> } } | null }>(
    `select details from rec_job_state where name = 'similarities'`,
  );
  const lastRun = job?.details?.lastRun;
  const similarityJob = lastRun ? { model: JSON.stringify(job!.details!.spec), seconds: lastRun.ms / 1000, phasesMs: lastRun.phasesMs } : null;

  // The signup scenario walks the pool from its start; the world's accounts come from its far end.
  const numbers = phoneNumbers(8_000);
  const cookies: string[] = [];
  const signIn = async () => {
    const phone = numbers.next().value as string;
    const headers = { 'content-type': 'application/json' };
    await json(await fetch(`${server.url}/api/auth/code`, { method: 'POST', headers, body: JSON.stringify({ phone }) }));
    const inbox = await json<{ messages: Array<{ code: string }> }>(await fetch(`${server.url}/api/dev/sms?to=${encodeURIComponent(phone)}`));
    const verified = await fetch(`${server.url}/api/auth/verify`, { method: 'POST', headers, body: JSON.stringify({ phone, code: inbox.messages[0]!.code }) });
    await json(verified);
    cookies.push(verified.headers.get('set-cookie')!.split(';')[0]!);
  };
  for (let i = 0; i < size.sessions; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, size.sessions - i) }, signIn));
  }

  const top = await json<{ items: Array<{ id: string }> }>(await fetch(`${server.url}/api/feed?limit=1`));
  const topic = 'TikTokRefugee';
  const topicNotes = await json<{ items: Array<{ id: string }> }>(await fetch(`${server.url}/api/topics/${topic}/notes?sort=latest&limit=50`));
  return {
    seeding: { seconds, phases: seedPhases(output), similarityJob },
    cookies,
    hotNoteId: top.items[0]!.id,
    topic,
    topicNoteIds: topicNotes.items.map((item) => item.id),
  };
}
