import { describe, expect, it } from 'vitest';
import { LABEL_VOCABULARY } from '../../../config/moderation-policy.js';
import { isLabelName, mostSevere } from './labels.js';
import { parseTermRules, TermRulesError } from './term-rules.js';

describe('parseTermRules', () => {
  it('reads rules, skipping comments and blank lines', () => {
    const rules = parseTermRules(
      ['# gambling', '', 'casino\tgambling\thold', '  # indented comment', 'free followers\tspam\tlabel\tus, eu', '赌博\tgambling\treject\tcn', ''].join('\n'),
    );
    expect(rules).toEqual([
      { term: 'casino', label: 'gambling', action: 'hold', regions: [], line: 3 },
      { term: 'free followers', label: 'spam', action: 'label', regions: ['us', 'eu'], line: 5 },
      { term: '赌博', label: 'gambling', action: 'reject', regions: ['cn'], line: 6 },
    ]);
  });

  it('accepts CRLF line ends, a byte-order mark and an empty regions field', () => {
    const rules = parseTermRules('\uFEFFcasino\tgambling\thold\t\r\nporn\tsexual\treject\r\n');
    expect(rules.map((rule) => [rule.term, rule.action, rule.regions])).toEqual([
      ['casino', 'hold', []],
      ['porn', 'reject', []],
    ]);
  });

  it('accepts operator-defined labels in the same shape as the vocabulary', () => {
    expect(parseTermRules('cocaine\tdrugs\treject')[0]!.label).toBe('drugs');
    expect(LABEL_VOCABULARY).toContain('self-harm');
    expect(LABEL_VOCABULARY).toHaveLength(12);
    expect(isLabelName('ip-infringement')).toBe(true);
    expect(isLabelName('Drugs')).toBe(false);
  });

  const error = (source: string) => {
    try {
      parseTermRules(source);
    } catch (caught) {
      expect(caught).toBeInstanceOf(TermRulesError);
      return (caught as Error).message;
    }
    throw new Error('expected an error');
  };

  it('reports an unknown action with its line number', () => {
    const lines = ['# header', 'a1\tspam\tlabel', 'b1\tspam\tlabel', '', 'c1\tspam\tlabel', '# more', 'fuck\tharassment\tblok'];
    expect(error(lines.join('\n'))).toBe('line 7: unknown action "blok" (label, hold or reject)');
  });

  it('reports missing fields, bad labels, bad regions and empty terms', () => {
    expect(error('casino gambling hold')).toMatch(
      /^line 1: expected term<TAB>label<TAB>action\[<TAB>regions\], found 1 field \(fields are separated by tabs\)/,
    );
    expect(error('ok\tspam\tlabel\ncasino\tGambling\thold')).toMatch(/^line 2: bad label "Gambling"/);
    expect(error('casino\tgambling\thold\tUS West')).toMatch(/^line 1: bad region "US West"/);
    expect(error('\tspam\tlabel')).toBe('line 1: empty term');
    expect(error('a\tspam\tlabel\tus\textra')).toMatch(/^line 1: too many fields/);
  });
});

describe('mostSevere', () => {
  it('orders reject > hold > label > allow', () => {
    expect(mostSevere('allow', 'label')).toBe('label');
    expect(mostSevere('hold', 'label')).toBe('hold');
    expect(mostSevere('hold', 'reject')).toBe('reject');
    expect(mostSevere('reject', 'allow')).toBe('reject');
  });
});
