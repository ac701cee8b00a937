import { resolveFromCaller } from '../config/cli-paths.js';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CorpusError, evaluateCorpus, parseCorpus, summariseReport } from '../modules/moderation/screening/corpus-eval.js';
import { CORPUS_FILE, CORPUS_TERMS_FILE, loadTermRulesFile, TermsFileError } from '../modules/moderation/screening/load-rules.js';

// npm run moderation:eval -- [--terms FILE --corpus FILE]
// Recall on disguised terms and precision on innocent look-alikes. The JSON report
// goes to stdout, the one-line summary to stderr (so `> report.json` stays JSON).

const USAGE = `Usage: npm run moderation:eval -- [--terms FILE] [--corpus FILE] [--region NAME]

  --terms FILE     term rules (default: the repository's corpus/terms.tsv)
  --corpus FILE    JSON lines {"id","lang","kind":"evasion"|"look-alike","text","labels":[...],"action"}
                   (default: the repository's corpus/evasion-corpus.jsonl)
  --region NAME    screen as this rulebook (default: every rule applies)

Relative paths are resolved from the directory npm starts in (INIT_CWD): the repository
root for the root script.
`;

function fail(message: string, code = 2): never {
  process.stderr.write(`moderation:eval: ${message}\n${code === 2 ? `\n${USAGE}` : ''}`);
  process.exit(code);
}

let values: { terms?: string; corpus?: string; region?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      terms: { type: 'string' },
      corpus: { type: 'string' },
      region: { type: 'string' },
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

const termsFile = values.terms ? resolveFromCaller(values.terms) : fileURLToPath(CORPUS_TERMS_FILE);
const corpusFile = values.corpus ? resolveFromCaller(values.corpus) : fileURLToPath(CORPUS_FILE);
try {
  const rules = loadTermRulesFile(termsFile);
  const cases = parseCorpus(fs.readFileSync(corpusFile, 'utf8'));
  const report = evaluateCorpus(cases, rules, values.region ? { rulebook: values.region } : {});
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.stderr.write(`${summariseReport(report)}\n`);
} catch (error) {
  if (error instanceof TermsFileError) fail(error.message, 1);
  if (error instanceof CorpusError) fail(`${corpusFile}: ${error.message}`, 1);
  if ((error as NodeJS.ErrnoException).code) fail(`${corpusFile}: cannot read (${(error as NodeJS.ErrnoException).code})`, 1);
  throw error;
}
