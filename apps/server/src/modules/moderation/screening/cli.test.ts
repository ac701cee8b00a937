import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The two CLIs end to end: real processes on temporary files, each bounded in time.
const TSX = createRequire(import.meta.url).resolve('tsx/cli');
const CLI = fileURLToPath(new URL('../../../cli/', import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-screen-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [TSX, path.join(CLI, script), ...args],
      { cwd: dir, env: { ...process.env, INIT_CWD: dir }, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
    if (stdin !== undefined) child.stdin!.end(stdin);
  });
}

const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
write('terms.tsv', '# test rules\ncasino\tgambling\thold\nfree followers\tspam\tlabel\tus\n赌博\tgambling\treject\tcn\n');
write('in.jsonl', ['{"id":1,"text":"c@sino tonight"}', '{"id":"two","text":"a classic film"}', '', '{"id":3,"text":"賭 博 and fr33 followers"}'].join('\n'));

describe('moderation:screen', () => {
  it('screens each line with screenText, paths relative to the caller', async () => {
    const result = await run('moderation-screen.ts', ['--terms', 'terms.tsv', '--in', 'in.jsonl', '--out', 'out.jsonl']);
    expect(result.code, result.stderr).toBe(0);
    const lines = fs
      .readFileSync(path.join(dir, 'out.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { id: 1, labels: ['gambling'], action: 'hold', matched: ['casino'] },
      { id: 'two', labels: [], action: 'allow', matched: [] },
      { id: 3, labels: ['gambling', 'spam'], action: 'reject', matched: ['赌博', 'free followers'] },
    ]);
    expect(result.stderr).toMatch(/3 texts screened, 2 flagged/);
  }, 60_000);

  it('applies only one rulebook with --region, from stdin to stdout', async () => {
    const result = await run(
      'moderation-screen.ts',
      ['--terms', 'terms.tsv', '--in', '-', '--out', '-', '--region', 'us'],
      '{"id":3,"text":"賭博 free followers"}\n',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ id: 3, labels: ['spam'], action: 'label', matched: ['free followers'] });
  }, 60_000);

  it('stops at a bad line with its number and leaves no output, or skips it with --skip-bad', async () => {
    write('bad.jsonl', '{"id":1,"text":"casino"}\n{"id":2,"text":\n{"id":3}\n');
    const stopped = await run('moderation-screen.ts', ['--terms', 'terms.tsv', '--in', 'bad.jsonl', '--out', 'bad-out.jsonl']);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/bad\.jsonl:2: not JSON/);
    expect(fs.existsSync(path.join(dir, 'bad-out.jsonl'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'bad-out.jsonl.tmp'))).toBe(false);

    const skipped = await run('moderation-screen.ts', ['--terms', 'terms.tsv', '--in', 'bad.jsonl', '--out', 'bad-out.jsonl', '--skip-bad']);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stderr).toMatch(/skipped bad\.jsonl:2: not JSON/);
    expect(skipped.stderr).toMatch(/bad\.jsonl:3: "text" must be a string/);
    expect(fs.readFileSync(path.join(dir, 'bad-out.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('reports a bad terms file with its line number', async () => {
    write('bad.tsv', 'casino\tgambling\thold\nfuck\tharassment\tblok\n');
    const result = await run('moderation-screen.ts', ['--terms', 'bad.tsv', '--in', 'in.jsonl', '--out', 'x.jsonl']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 2: unknown action "blok" (label, hold or reject)');
  }, 60_000);

  it('explains its usage when arguments are missing', async () => {
    const result = await run('moderation-screen.ts', ['--terms', 'terms.tsv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--terms, --in and --out are required[\s\S]*Usage: npm run moderation:screen/);
  }, 60_000);
});

describe('moderation:eval', () => {
  it('scores the repository corpus by default: JSON on stdout, a summary on stderr', async () => {
    const result = await run('moderation-eval.ts', []);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.evasions).toBeGreaterThan(200);
    expect(report.recall).toBeGreaterThanOrEqual(0.95);
    expect(report.precision).toBeGreaterThanOrEqual(0.98);
    expect(result.stderr).toMatch(/^moderation:eval recall [\d.]+ \(\d+\/\d+ evasions flagged\), look-alike precision [\d.]+/);
  }, 60_000);

  it('takes another terms file and corpus', async () => {
    write('corpus.jsonl', '{"kind":"evasion","text":"c.a.s.i.n.o","labels":["gambling"]}\n{"kind":"look-alike","text":"cassino"}\n');
    const result = await run('moderation-eval.ts', ['--terms', 'terms.tsv', '--corpus', 'corpus.jsonl']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ evasions: 1, lookAlikes: 1, recall: 1, precision: 1, misses: [], falseHits: [] });
  }, 60_000);
});
