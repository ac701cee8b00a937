import autocannon from 'autocannon';

export interface ScenarioResult {
  scenario: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  non2xx: number;
  /** Scenario-specific figures (e.g. completed sign-ups per second). */
  extra?: Record<string, unknown>;
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
}

export async function runLoad(scenario: string, options: LoadOptions, requestOptions: Partial<autocannon.Options>): Promise<ScenarioResult> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    ...requestOptions,
  });
  return {
    scenario,
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.total / options.durationSeconds),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
