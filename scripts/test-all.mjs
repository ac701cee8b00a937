#!/usr/bin/env node
// `npm test`: every suite, then one line "N passed, N failed" over all of them.
// Suites: type checking (each TypeScript project counts as one check), Biome's
// format and lint check (one), Vitest
// (server unit + integration on real PostgreSQL, web unit), Playwright in
// Debian's Chromium against the real server. A suite that cannot run (no
// browser, a crash before reporting) counts as failed, never as skipped.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, '.test-results');
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const run = (command, args, env = {}) => spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status;
const readJson = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

const suites = [];

// 1. Types
const projects = ['apps/server', 'apps/web', 'e2e', 'bench'];
let typeFailures = 0;
for (const project of projects) {
  console.log(`\n== typecheck ${project}`);
  if (run(bin('tsc'), ['-b', project]) !== 0) typeFailures += 1;
}
suites.push({ name: 'typecheck', passed: projects.length - typeFailures, failed: typeFailures });

// 2. Format and lint (Biome): one check over the whole repository
console.log('\n== lint (biome check)');
const lintFailed = run(bin('biome'), ['check', '.', '--max-diagnostics=50']) !== 0;
suites.push({ name: 'lint', passed: lintFailed ? 0 : 1, failed: lintFailed ? 1 : 0 });

// 3. Vitest
console.log('\n== vitest (server + web)');
const vitestFile = path.join(resultsDir, 'vitest.json');
const vitestStatus = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestFile}`]);
const vitest = readJson(vitestFile);
if (vitest) {
  // A file that fails to load has no tests; count it so it cannot pass silently.
  const brokenFiles = (vitest.testResults ?? []).filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
  suites.push({ name: 'vitest', passed: vitest.numPassedTests, failed: vitest.numFailedTests + brokenFiles });
} else {
  suites.push({ name: 'vitest', passed: 0, failed: 1, note: `no report (exit ${vitestStatus})` });
}

// 4. Playwright (needs the built web app)
console.log('\n== e2e (Playwright, Chromium)');
const e2eFile = path.join(resultsDir, 'e2e.json');
const buildStatus = run('npm', ['run', 'build', '--workspace', 'apps/web']);
const e2eStatus = buildStatus === 0 ? run(bin('playwright'), ['test', '-c', 'e2e'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eFile }) : buildStatus;
const e2e = readJson(e2eFile);
if (e2e?.stats && e2e.stats.expected + e2e.stats.unexpected + e2e.stats.flaky > 0) {
  const errors = (e2e.errors ?? []).length;
  suites.push({ name: 'e2e', passed: e2e.stats.expected + e2e.stats.flaky, failed: e2e.stats.unexpected + errors });
} else {
  suites.push({ name: 'e2e', passed: 0, failed: 1, note: `no tests ran (exit ${e2eStatus})` });
}

console.log('\n== summary');
for (const suite of suites) {
  console.log(`${suite.name}: ${suite.passed} passed, ${suite.failed} failed${suite.note ? ` (${suite.note})` : ''}`);
}
const passed = suites.reduce((sum, suite) => sum + suite.passed, 0);
const failed = suites.reduce((sum, suite) => sum + suite.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
