import { resolveFromCaller } from '../config/cli-paths.js';
import fs from 'node:fs';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { loadTermRulesFile, TermsFileError } from '../modules/moderation/screening/load-rules.js';
import { screenText } from '../modules/moderation/screening/screen-text.js';

// npm run moderation:screen -- --terms terms.tsv --in notes.jsonl --out screened.jsonl
// Screens {"id","text"} lines with the server's own screenText and writes
// {"id","labels","action","matched"} lines. Streams, so files of any size work;
// the output appears only when the whole input screened cleanly.

const USAGE = `Usage: npm run moderation:screen -- --terms FILE --in FILE.jsonl --out FILE.jsonl [options]

  --terms FILE     term rules (MODERATION_TERMS_FILE format: term<TAB>label<TAB>action[<TAB>regions])
  --in FILE        input, one JSON object a line: {"id": ..., "text": "..."} ("-" for standard input)
  --out FILE       output, one JSON object a line: {"id","labels","action","matched"} ("-" for standard output)
  --region NAME    apply only the rules for this rulebook (and those for every rulebook); default: all rules
  --skip-bad       skip lines that are not valid input (reported on stderr) instead of stopping

Relative paths are resolved from the directory npm starts in (INIT_CWD): the repository
root for the root script. A bad input line stops the run with its line number and exit code 1; the output file is
then left untouched (it is written to FILE.tmp and renamed when the run succeeds).
`;

function fail(message: string, code = 2): never {
  process.stderr.write(`moderation:screen: ${message}\n${code === 2 ? `\n${USAGE}` : ''}`);
  process.exit(code);
}

let values: { terms?: string; in?: string; out?: string; region?: string; 'skip-bad'?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      terms: { type: 'string' },
      in: { type: 'string' },
      out: { type: 'string' },
      region: { type: 'string' },
      'skip-bad': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (!values.terms || !values.in || !values.out) fail('--terms, --in and --out are required');

let rules;
try {
  rules = loadTermRulesFile(resolveFromCaller(values.terms));
} catch (error) {
  if (error instanceof TermsFileError) fail(error.message, 1);
  throw error;
}

const inputName = values.in;
const outPath = values.out === '-' ? null : resolveFromCaller(values.out);
const tmpPath = outPath ? `${outPath}.tmp` : null;
const abandon = (message: string): never => {
  if (tmpPath) fs.rmSync(tmpPath, { force: true });
  fail(message, 1);
};
const input = inputName === '-' ? process.stdin : fs.createReadStream(resolveFromCaller(inputName));
input.on('error', (error: NodeJS.ErrnoException) => abandon(`${inputName}: cannot read (${error.code ?? error.message})`));
const output: NodeJS.WritableStream = tmpPath ? fs.createWriteStream(tmpPath, { flags: 'w' }) : process.stdout;
output.on('error', (error: NodeJS.ErrnoException) => abandon(`${values.out}: cannot write (${error.code ?? error.message})`));

const write = (line: string) =>
  new Promise<void>((resolve) => {
    if (output.write(line)) resolve();
    else output.once('drain', resolve);
  });

const options = values.region ? { rulebook: values.region } : {};
const started = performance.now();
let lineNumber = 0;
let screened = 0;
let flagged = 0;
let skipped = 0;
for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
  lineNumber += 1;
  if (line.trim() === '') continue;
  let problem: string | null = null;
  let row: { id?: unknown; text?: unknown } | null = null;
  try {
    row = JSON.parse(line) as { id?: unknown; text?: unknown };
    if (typeof row !== 'object' || row === null || Array.isArray(row)) problem = 'expected a JSON object';
    else if (typeof row.text !== 'string') problem = '"text" must be a string';
    else if (row.id === undefined) problem = 'missing "id"';
  } catch (error) {
    problem = `not JSON (${(error as Error).message})`;
  }
  if (problem !== null || row === null) {
    const message = `${inputName}:${lineNumber}: ${problem}`;
    if (!values['skip-bad']) abandon(message);
    process.stderr.write(`moderation:screen: skipped ${message}\n`);
    skipped += 1;
    continue;
  }
  const result = screenText(row.text as string, rules, options);
  screened += 1;
  if (result.action !== 'allow') flagged += 1;
  await write(`${JSON.stringify({ id: row.id, labels: result.labels, action: result.action, matched: result.matched.map((match) => match.term) })}\n`);
}

const elapsed = performance.now() - started;
const finish = () => {
  if (tmpPath && outPath) fs.renameSync(tmpPath, outPath);
  const rate = elapsed > 0 ? Math.round((screened / elapsed) * 1000) : screened;
  process.stderr.write(
    `moderation:screen: ${screened} texts screened, ${flagged} flagged${skipped ? `, ${skipped} bad lines skipped` : ''} in ${Math.round(elapsed)} ms (${rate} texts/s)\n`,
  );
};
if (tmpPath) output.end(finish);
else finish();
