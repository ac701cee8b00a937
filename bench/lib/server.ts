import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface BenchServer {
  url: string;
  /** Runs SQL on the server's embedded database (for checks after a scenario). */
  query<R>(text: string, values?: unknown[]): Promise<R[]>;
  /** The server's environment, for tools that must reach the same data (npm run seed). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The real server as `npm start` runs it, in its own process (so the load
 * generator does not share its event loop), on loopback, on a fresh data dir.
 * All load comes from 127.0.0.1, so the per-IP limits are lifted for the run;
 * the per-number limits stay.
 */
export async function startBenchServer(extraEnv: Record<string, string> = {}, profileDir?: string): Promise<BenchServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-bench-'));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    // The bench builds its own data set (npm run seed) instead of the demo world.
    DEMO_CONTENT: 'false',
    RATE_LIMIT_CODES_PER_IP: '1000000000',
    RATE_LIMIT_VERIFY_PER_IP: '1000000000',
    SMS_PER_HOUR_PER_COUNTRY_CODE: '1000000000',
    SMS_PER_HOUR: '1000000000',
    // A web instance, as behind a load balancer: the seeder already ran the
    // recommender's jobs, and workers (WORKER=true) run them elsewhere at scale.
    WORKER: 'false',
    ...extraEnv,
  };
  // Profiled, the server runs in node itself with tsx as a loader (--cpu-prof is refused in
  // NODE_OPTIONS); V8 writes the profile when the server exits.
  const [command, args] = profileDir
    ? [process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--import', 'tsx', 'apps/server/src/main.ts']]
    : [path.join(repoRoot, 'node_modules/.bin/tsx'), ['apps/server/src/main.ts']];
  const child: ChildProcess = spawn(command, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bench server exited: ${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('bench server did not become healthy in 120 s');
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const lock = JSON.parse(fs.readFileSync(path.join(dataDir, 'qiao.lock'), 'utf8')) as { embeddedPgPort: number };
  const { embeddedPgPassword } = JSON.parse(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as { embeddedPgPassword: string };
  const pool = new pg.Pool({ connectionString: `postgres://qiao:${encodeURIComponent(embeddedPgPassword)}@127.0.0.1:${lock.embeddedPgPort}/qiao`, max: 2 });
  return {
    url,
    env,
    query: async (text, values) => (await pool.query(text, values)).rows,
    async stop() {
      await pool.end();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
