import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScenarioResult } from '../lib/measure.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * A 30-second 1080x1920 testsrc clip through the worker's transcode code
 * (every rendition, HLS, poster and previews), in a process of its own as the
 * worker runs it. Below 1 in ratioToClip is faster than real time.
 */
export async function transcodeScenario(): Promise<ScenarioResult> {
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      path.join(repoRoot, 'node_modules/.bin/tsx'),
      ['apps/server/src/cli/transcode-bench.ts', '--width', '1080', '--height', '1920', '--seconds', '30'],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`transcode bench failed (${code}): ${err.trim()}`))));
  });
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as { seconds: number; ratioToClip: number; clip: { seconds: number }; renditions: string[] };
  return {
    scenario: 'transcode',
    connections: 1,
    durationSeconds: result.seconds,
    requests: 1,
    requestsPerSecond: 0,
    latencyMs: {
      p50: Math.round(result.seconds * 1000),
      p90: Math.round(result.seconds * 1000),
      p99: Math.round(result.seconds * 1000),
      max: Math.round(result.seconds * 1000),
    },
    errors: 0,
    non2xx: 0,
    extra: { transcodeSeconds: result.seconds, clipSeconds: result.clip.seconds, ratioToClip: result.ratioToClip, renditions: result.renditions.length },
  };
}
