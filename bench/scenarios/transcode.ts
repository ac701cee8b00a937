import { runServerCli } from '../lib/cli.js';
import type { ScenarioResult } from '../lib/measure.js';

/**
 * A 30-second 1080x1920 testsrc clip through the worker's transcode code
 * (every rendition, HLS, poster and previews), in a process of its own as the
 * worker runs it. Below 1 in ratioToClip is faster than real time.
 */
export async function transcodeScenario(): Promise<ScenarioResult> {
  const result = await runServerCli<{ seconds: number; ratioToClip: number; clip: { seconds: number }; renditions: string[] }>(
    'apps/server/src/cli/transcode-bench.ts',
    ['--width', '1080', '--height', '1920', '--seconds', '30'],
  );
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
