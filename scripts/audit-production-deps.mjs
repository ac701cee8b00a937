#!/usr/bin/env node
// CI's dependency audit: `npm audit --omit=dev`, failing on any high or
// critical advisory in what production installs. When the registry in use
// does not offer the advisory service (some mirrors answer 405), that is said
// plainly and the run goes on, unless AUDIT_REQUIRED=1 makes it an error.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = JSON.parse(run.stdout || '{}');
} catch {
  report = { message: (run.stdout || run.stderr || 'no output').slice(0, 300) };
}

if (!report.metadata?.vulnerabilities) {
  const why = report.message ?? report.error?.summary ?? `npm audit exited with ${run.status}`;
  console.log(`audit: the advisory service could not be asked (${why})`);
  process.exit(process.env.AUDIT_REQUIRED === '1' ? 1 : 0);
}

const counts = report.metadata.vulnerabilities;
const serious = Object.values(report.vulnerabilities ?? {}).filter((v) => v.severity === 'high' || v.severity === 'critical');
for (const v of serious) console.log(`audit: ${v.severity} ${v.name} ${v.range} (fix: ${v.fixAvailable ? 'available' : 'none yet'})`);
console.log(
  `audit: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low in production dependencies`,
);
process.exit(serious.length > 0 ? 1 : 0);
