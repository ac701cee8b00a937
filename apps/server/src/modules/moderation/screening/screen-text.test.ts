import { describe, expect, it } from 'vitest';
import { AhoCorasick } from './aho-corasick.js';
import { compileTermRules } from './compile-rules.js';
import { screenText } from './screen-text.js';
import { parseTermRules, TermRulesError } from './term-rules.js';

const source = [
  'casino\tgambling\tlabel',
  'online casino\tgambling\thold',
  'free followers\tspam\thold\tus,eu',
  '赌博\tgambling\treject\tcn',
  'fuck\tharassment\thold',
  'porn\tsexual\treject',
].join('\n');
const rules = compileTermRules(parseTermRules(source));

describe('screenText', () => {
  it('allows text that matches nothing', () => {
    expect(screenText('A classic walk along the river', rules)).toEqual({ labels: [], action: 'allow', matched: [] });
    expect(screenText('', rules).action).toBe('allow');
  });

  it('takes the most severe action of the matched rules', () => {
    expect(screenText('casino night', rules).action).toBe('label');
    expect(screenText('best online casino', rules).action).toBe('hold');
    expect(screenText('online casino and p0rn', rules).action).toBe('reject');
  });

  it('lists each matched rule once, with labels in order of first match', () => {
    const result = screenText('f.u.c.k this casino, fuck that online casino', rules);
    expect(result.labels).toEqual(['harassment', 'gambling']);
    expect(result.matched.map((match) => match.term)).toEqual(['fuck', 'casino', 'online casino']);
    expect(result.matched[0]).toMatchObject({ term: 'fuck', label: 'harassment', action: 'hold', regions: [] });
  });

  it('quotes the original text around the match', () => {
    const text = `${'word '.repeat(20)}c@sino ${'more '.repeat(20)}`;
    const [match] = screenText(text, rules).matched;
    expect(match!.excerpt).toMatch(/^….*c@sino.*…$/);
    expect(match!.excerpt!.length).toBeLessThan(70);
    expect(screenText('賭 博', rules).matched[0]!.excerpt).toBe('賭 博');
  });

  it('applies every rule without a rulebook, and only matching or global ones with one', () => {
    const text = 'free followers and 赌博 at the casino';
    expect(screenText(text, rules).matched.map((match) => match.term)).toEqual(['free followers', '赌博', 'casino']);
    expect(screenText(text, rules, { rulebook: 'us' }).matched.map((match) => match.term)).toEqual(['free followers', 'casino']);
    expect(screenText(text, rules, { rulebook: 'cn' }).matched.map((match) => match.term)).toEqual(['赌博', 'casino']);
    expect(screenText(text, rules, { rulebook: 'jp' }).matched.map((match) => match.term)).toEqual(['casino']);
    expect(screenText(text, rules, { rulebook: 'cn' }).action).toBe('reject');
    expect(screenText(text, rules, { rulebook: 'jp' }).action).toBe('label');
  });

  it('accepts a plain rule list and compiles it once', () => {
    const list = parseTermRules(source);
    expect(screenText('CASINO', list).labels).toEqual(['gambling']);
    expect(screenText('porn', list).action).toBe('reject');
  });

  it('rejects a term that normalises to nothing, naming its line', () => {
    expect(() => compileTermRules(parseTermRules('ok\tspam\tlabel\n***\tspam\tlabel'))).toThrow(
      new TermRulesError(2, 'term "***" has no letters, digits or CJK text'),
    );
  });

  it('matches numbers exactly', () => {
    const numbers = compileTermRules(parseTermRules('420\tdrugs\tlabel\n100% free\tspam\tlabel'));
    expect(screenText('420 friendly', numbers).labels).toEqual(['drugs']);
    expect(screenText('4200 views', numbers).labels).toEqual([]);
    expect(screenText('100% FREE!!', numbers).labels).toEqual(['spam']);
  });
});

describe('AhoCorasick', () => {
  it('finds every occurrence of every pattern, overlapping ones too', () => {
    const automaton = new AhoCorasick();
    const he = automaton.add([...'he']);
    const she = automaton.add([...'she']);
    const hers = automaton.add([...'hers']);
    const found = automaton.search([...'ushers']).map(({ pattern, start, end }) => [pattern, start, end]);
    expect(found).toEqual([
      [she, 1, 4],
      [he, 2, 4],
      [hers, 2, 6],
    ]);
    expect(new AhoCorasick().search([...'anything'])).toEqual([]);
  });
});
