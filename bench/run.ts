import { parseArgs } from 'node:util';
import type { LoadOptions, ScenarioResult } from './lib/measure.js';
import { startBenchServer } from './lib/server.js';
import { healthScenario } from './scenarios/health.js';
import { signupScenario } from './scenarios/signup.js';

// npm run bench -- [scenario ...] [--connections 32] [--duration 10] [--url http://127.0.0.1:3000]
// Prints one JSON document, then one summary line. Compare scenarios as ratios
// to `health` from the same run: absolute numbers vary from machine to machine.

const SCENARIOS: Record<string, (options: LoadOptions) => Promise<ScenarioResult>> = {
  health: healthScenario,
  signup: signupScenario,
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    connections: { type: 'string', default: '32' },
    duration: { type: 'string', default: '10' },
    url: { type: 'string' },
  },
});

const names = positionals.length ? positionals : Object.keys(SCENARIOS);
const unknown = names.filter((name) => !SCENARIOS[name]);
if (unknown.length) {
  process.stderr.write(`Unknown scenario(s): ${unknown.join(', ')}. Known: ${Object.keys(SCENARIOS).join(', ')}\n`);
  process.exit(2);
}
// The health baseline is always measured, so every other figure has its ratio.
if (!names.includes('health')) names.unshift('health');

const server = values.url ? null : await startBenchServer();
const url = values.url ?? server!.url;
const options: LoadOptions = { url, connections: Number(values.connections), durationSeconds: Number(values.duration) };
const results: ScenarioResult[] = [];
try {
  for (const name of names) {
    process.stderr.write(`running ${name} for ${options.durationSeconds}s at ${options.connections} connections...\n`);
    results.push(await SCENARIOS[name]!(options));
  }
} finally {
  await server?.stop();
}

const health = results.find((result) => result.scenario === 'health')!;
const report = {
  node: process.version,
  startedServer: !values.url,
  results: results.map((result) => ({ ...result, ratioToHealth: Math.round((result.requestsPerSecond / health.requestsPerSecond) * 1000) / 1000 })),
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(
  `summary: ${report.results
    .map((r) => `${r.scenario} ${r.requestsPerSecond} req/s p99 ${r.latencyMs.p99} ms errors ${r.errors + r.non2xx}${r.extra?.signupsPerSecond !== undefined ? ` (${r.extra.signupsPerSecond} sign-ups/s)` : ''} ×${r.ratioToHealth}`)
    .join(' | ')}\n`,
);
