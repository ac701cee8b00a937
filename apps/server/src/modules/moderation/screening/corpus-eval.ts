import type { CompiledTermRules } from './compile-rules.js';
import type { ScreeningAction } from './labels.js';
import { screenText } from './screen-text.js';

// Scores the screening engine on a corpus of disguised terms (which must be
// flagged with their label) and innocent look-alikes (which must be left alone).
// Used by `npm run moderation:eval` and by the corpus test.

export type CorpusKind = 'evasion' | 'look-alike';

export interface CorpusCase {
  id: string;
  lang?: string;
  kind: CorpusKind;
  text: string;
  /** Labels an evasion must be flagged with (any flag counts when empty). */
  labels: string[];
  action?: string;
}

export interface CorpusMiss {
  id: string;
  lang?: string;
  text: string;
  expected: string[];
  labels: string[];
  action: ScreeningAction;
}

export interface CorpusFalseHit {
  id: string;
  lang?: string;
  text: string;
  matched: string[];
  action: ScreeningAction;
}

export interface CorpusReport {
  evasions: number;
  lookAlikes: number;
  /** Flagged evasions / evasions. */
  recall: number;
  /** Look-alikes left alone / look-alikes. */
  precision: number;
  /** Evasions flagged with the right labels but a different action than the line expects. */
  actionMismatches: number;
  byLanguage: Record<string, { evasions: number; recall: number; lookAlikes: number; precision: number }>;
  misses: CorpusMiss[];
  falseHits: CorpusFalseHit[];
}

export class CorpusError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'CorpusError';
  }
}

const EVASION_KINDS = new Set(['evasion', 'evade', 'positive', 'flag', 'flagged']);
const LOOK_ALIKE_KINDS = new Set(['look-alike', 'lookalike', 'lookAlike', 'look_alike', 'innocent', 'benign', 'negative', 'allow']);

function stringList(value: unknown): string[] | null {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string')
    return value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  return null;
}

/** One JSON object a line: {"id","lang","kind":"evasion"|"look-alike","text","labels":[...],"action"}. */
export function parseCorpus(source: string): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const lines = source.replace(/^\uFEFF/, '').split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const number = index + 1;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line) as Record<string, unknown>;
    } catch (error) {
      throw new CorpusError(number, `not JSON (${(error as Error).message})`);
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new CorpusError(number, 'expected a JSON object');
    if (typeof row.text !== 'string') throw new CorpusError(number, '"text" must be a string');
    const labels = stringList(row.labels ?? row.label ?? row.expected);
    if (labels === null) throw new CorpusError(number, '"labels" must be a string or an array of strings');
    const action = typeof row.action === 'string' ? row.action : undefined;
    let kind: CorpusKind;
    if (typeof row.kind === 'string' && EVASION_KINDS.has(row.kind)) kind = 'evasion';
    else if (typeof row.kind === 'string' && LOOK_ALIKE_KINDS.has(row.kind)) kind = 'look-alike';
    else if (row.kind !== undefined) throw new CorpusError(number, `unknown kind ${JSON.stringify(row.kind)} (evasion or look-alike)`);
    else kind = action === 'allow' || (action === undefined && labels.length === 0) ? 'look-alike' : 'evasion';
    cases.push({
      id: typeof row.id === 'string' || typeof row.id === 'number' ? String(row.id) : `line-${number}`,
      lang: typeof row.lang === 'string' ? row.lang : undefined,
      kind,
      text: row.text,
      labels,
      action,
    });
  }
  return cases;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : Math.round((part / whole) * 10_000) / 10_000);

export function evaluateCorpus(cases: readonly CorpusCase[], rules: CompiledTermRules, options: { rulebook?: string } = {}): CorpusReport {
  const misses: CorpusMiss[] = [];
  const falseHits: CorpusFalseHit[] = [];
  const languages = new Map<string, { evasions: number; flagged: number; lookAlikes: number; leftAlone: number }>();
  let evasions = 0;
  let flagged = 0;
  let lookAlikes = 0;
  let leftAlone = 0;
  let actionMismatches = 0;
  for (const item of cases) {
    const result = screenText(item.text, rules, options);
    const language = item.lang ?? 'unknown';
    const tally = languages.get(language) ?? { evasions: 0, flagged: 0, lookAlikes: 0, leftAlone: 0 };
    languages.set(language, tally);
    if (item.kind === 'evasion') {
      evasions += 1;
      tally.evasions += 1;
      const hit = result.action !== 'allow' && item.labels.every((label) => result.labels.includes(label));
      if (hit) {
        flagged += 1;
        tally.flagged += 1;
        if (item.action !== undefined && item.action !== result.action) actionMismatches += 1;
      } else {
        misses.push({ id: item.id, lang: item.lang, text: item.text, expected: item.labels, labels: result.labels, action: result.action });
      }
    } else {
      lookAlikes += 1;
      tally.lookAlikes += 1;
      if (result.action === 'allow') {
        leftAlone += 1;
        tally.leftAlone += 1;
      } else {
        falseHits.push({ id: item.id, lang: item.lang, text: item.text, matched: result.matched.map((match) => match.term), action: result.action });
      }
    }
  }
  const byLanguage: CorpusReport['byLanguage'] = {};
  for (const [language, tally] of [...languages].sort(([a], [b]) => a.localeCompare(b))) {
    byLanguage[language] = {
      evasions: tally.evasions,
      recall: ratio(tally.flagged, tally.evasions),
      lookAlikes: tally.lookAlikes,
      precision: ratio(tally.leftAlone, tally.lookAlikes),
    };
  }
  return {
    evasions,
    lookAlikes,
    recall: ratio(flagged, evasions),
    precision: ratio(leftAlone, lookAlikes),
    actionMismatches,
    byLanguage,
    misses,
    falseHits,
  };
}

export function summariseReport(report: CorpusReport): string {
  return `moderation:eval recall ${report.recall} (${report.evasions - report.misses.length}/${report.evasions} evasions flagged), look-alike precision ${report.precision} (${report.lookAlikes - report.falseHits.length}/${report.lookAlikes} left alone)`;
}
