import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CorpusError, evaluateCorpus, parseCorpus } from './corpus-eval.js';
import { CORPUS_FILE, CORPUS_TERMS_FILE, loadTermRulesFile } from './load-rules.js';
import { compileTermRules } from './compile-rules.js';
import { parseTermRules } from './term-rules.js';

describe('the evasion corpus', () => {
  const cases = parseCorpus(fs.readFileSync(CORPUS_FILE, 'utf8'));
  const report = evaluateCorpus(cases, loadTermRulesFile(CORPUS_TERMS_FILE));

  it('covers English, Chinese (both scripts), Spanish, Japanese and Korean with 300+ lines', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(Object.keys(report.byLanguage).sort()).toEqual(['en', 'es', 'ja', 'ko', 'zh-Hans', 'zh-Hant']);
    for (const stats of Object.values(report.byLanguage)) {
      expect(stats.evasions).toBeGreaterThan(0);
      expect(stats.lookAlikes).toBeGreaterThan(0);
    }
  });

  it('flags at least 95% of the evasions', () => {
    expect(report.recall, JSON.stringify(report.misses, null, 1)).toBeGreaterThanOrEqual(0.95);
  });

  it('leaves at least 98% of the innocent look-alikes alone', () => {
    expect(report.precision, JSON.stringify(report.falseHits, null, 1)).toBeGreaterThanOrEqual(0.98);
  });
});

describe('evaluateCorpus', () => {
  const rules = compileTermRules(parseTermRules('casino\tgambling\thold\nporn\tsexual\treject'));

  it('counts recall on evasions and precision on look-alikes', () => {
    const cases = parseCorpus(
      [
        '{"id":"a","lang":"en","kind":"evasion","text":"c@sino","labels":["gambling"],"action":"hold"}',
        '{"id":"b","lang":"en","kind":"evasion","text":"p0rn","labels":["gambling"]}',
        '{"id":"c","lang":"en","kind":"look-alike","text":"classic","labels":[]}',
        '{"id":"d","kind":"look-alike","text":"casino royale"}',
      ].join('\n'),
    );
    const report = evaluateCorpus(cases, rules);
    expect(report).toMatchObject({ evasions: 2, lookAlikes: 2, recall: 0.5, precision: 0.5, actionMismatches: 0 });
    expect(report.misses).toEqual([{ id: 'b', lang: 'en', text: 'p0rn', expected: ['gambling'], labels: ['sexual'], action: 'reject' }]);
    expect(report.falseHits).toEqual([{ id: 'd', lang: undefined, text: 'casino royale', matched: ['casino'], action: 'hold' }]);
  });

  it('infers the kind from the expected action when it is missing', () => {
    const cases = parseCorpus('{"text":"casino","labels":"gambling"}\n{"text":"hello","action":"allow"}');
    expect(cases.map((item) => [item.id, item.kind, item.labels])).toEqual([
      ['line-1', 'evasion', ['gambling']],
      ['line-2', 'look-alike', []],
    ]);
  });

  it('reports bad lines with their number', () => {
    expect(() => parseCorpus('{"text":"ok"}\n\n{oops')).toThrow(CorpusError);
    expect(() => parseCorpus('{"text":"ok"}\n\n{oops')).toThrow(/^line 3: not JSON/);
    expect(() => parseCorpus('{"text":1}')).toThrow('line 1: "text" must be a string');
    expect(() => parseCorpus('{"text":"x","kind":"maybe"}')).toThrow('line 1: unknown kind "maybe" (evasion or look-alike)');
  });
});
