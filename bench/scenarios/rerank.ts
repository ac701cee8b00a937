import { runServerCli } from '../lib/cli.js';
import type { ScenarioResult } from '../lib/measure.js';
import { type CpuProfile, topFrames } from '../lib/profile.js';

/**
 * The For-you re-rank alone, on production-shaped pages (apps/server/src/cli/rerank-bench.ts):
 * milliseconds per page and where the profiler's samples fell (the flame, as text).
 */
export async function rerankScenario(): Promise<ScenarioResult> {
  const result = await runServerCli<{
    pages: number;
    candidatesPerPage: number;
    msPerPage: { p50: number; p99: number; max: number };
    profile: CpuProfile;
  }>('apps/server/src/cli/rerank-bench.ts');
  const flame = topFrames(result.profile, 8);
  return {
    scenario: 'rerank',
    connections: 1,
    durationSeconds: 0,
    requests: result.pages,
    requestsPerSecond: 0,
    latencyMs: { p50: result.msPerPage.p50, p90: result.msPerPage.p50, p99: result.msPerPage.p99, max: result.msPerPage.max },
    errors: 0,
    non2xx: 0,
    extra: { candidatesPerPage: result.candidatesPerPage, msPerPageP50: result.msPerPage.p50, msPerPageP99: result.msPerPage.p99, flame },
  };
}
