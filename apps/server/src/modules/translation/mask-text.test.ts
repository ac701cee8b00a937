import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HASHTAG, MENTION } from '../notes/note-text.js';
import { maskText, restoreText, tokensMatch } from './mask-text.js';

// Pieces that exercise every masking rule, mixed with arbitrary Unicode.
const PIECES = [
  '#交猫税',
  '#TikTokRefugee',
  '#a_1',
  '#️⃣',
  '@ann_lee',
  'mail@example.com',
  '@x',
  'https://example.org/a?b=1&c=#d.',
  'www.qiao.app/n/1)',
  'http://',
  '👍🏽',
  '👨‍👩‍👧‍👦',
  '🇨🇳🇺🇸',
  '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
  '1️⃣',
  '❤️',
  '©',
  '⟦0⟧',
  '⟦',
  '⟧',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '  ',
  '\t',
  '\u3000',
  '\u2028',
  'hello world',
  '你好，世界。',
  'Bonjour.',
  '한국어',
  'ですね',
  '123',
  '. ',
  '。',
];
const text = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme-ascii' })), {
    maxLength: 30,
  })
  .map((pieces) => pieces.join(''));

const EMOJI_OR_FLAG = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}/u;
const URL_IN = /(?:https?:\/\/|www\.)[A-Za-z0-9]/;

/** Every hashtag, mention, link start and emoji of the original text must be inside a token. */
function masksEverything(original: string, tokens: string[], segments: string[]) {
  const joinedTokens = tokens.join('\u0000');
  for (const match of original.matchAll(HASHTAG)) expect(joinedTokens).toContain(match[0]);
  for (const match of original.matchAll(MENTION)) expect(joinedTokens).toContain(match[0]);
  for (const segment of segments) {
    expect(segment).not.toMatch(EMOJI_OR_FLAG);
    expect(segment).not.toMatch(URL_IN);
    expect(segment).not.toMatch(/[\r\n]/);
  }
}

describe('maskText', () => {
  it('masks hashtags, mentions, links and emoji and keeps lines apart', () => {
    const source = '今天去了#成都 吃火锅🌶️🔥\n\n  和 @amy_w 一起！详情 https://example.org/a?b=1.\n#旅行 #美食 🇨🇳';
    const masked = maskText(source);
    expect(masked.segments).toEqual(['今天去了⟦0⟧ 吃火锅⟦1⟧⟦2⟧', '和 ⟦3⟧ 一起！详情 ⟦4⟧.']);
    expect(masked.tokens).toEqual(['#成都', '🌶️', '🔥', '@amy_w', 'https://example.org/a?b=1', '#旅行', '#美食', '🇨🇳']);
    const translated = restoreText(masked, ['Went to ⟦0⟧ for hotpot today ⟦1⟧⟦2⟧', 'With ⟦3⟧! Details ⟦ 4 ⟧.']);
    expect(translated).toBe('Went to #成都 for hotpot today 🌶️🔥\n\n  With @amy_w! Details https://example.org/a?b=1.\n#旅行 #美食 🇨🇳');
  });

  it('leaves lines without letters (emoji, hashtags, numbers) untranslated', () => {
    expect(maskText('😂😂😂\n#猫 #cat\n 12:30 ').segments).toEqual([]);
    expect(maskText('').segments).toEqual([]);
  });

  it('cuts long lines at sentence ends, within the limit, never inside a token', () => {
    const sentence = 'The cat sat on the mat with #cats and 🐱 all day long. ';
    const source = sentence.repeat(200).trim();
    const masked = maskText(source, { maxSegmentChars: 300 });
    expect(masked.segments.length).toBeGreaterThan(30);
    for (const segment of masked.segments) {
      expect(segment.length).toBeLessThanOrEqual(300);
      expect(segment.endsWith('.')).toBe(true);
    }
    expect(restoreText(masked, masked.segments)).toBe(source);
    const unbroken = `${'猫'.repeat(50)}⟦${'字'.repeat(2000)}`;
    const hard = maskText(unbroken, { maxSegmentChars: 100 });
    expect(Math.max(...hard.segments.map((segment) => segment.length))).toBeLessThanOrEqual(100);
    expect(restoreText(hard, hard.segments)).toBe(unbroken);
  });

  it('rejects a translation that lost, duplicated or invented a token', () => {
    const masked = maskText('Hello @ann_lee 👋');
    expect(() => restoreText(masked, ['Bonjour'])).toThrow(/token/);
    expect(() => restoreText(masked, ['Bonjour ⟦0⟧ ⟦0⟧ ⟦1⟧'])).toThrow(/token/);
    expect(() => restoreText(masked, ['Bonjour ⟦0⟧ ⟦1⟧ ⟦2⟧'])).toThrow(/token/);
    expect(() => restoreText(masked, [])).toThrow(/segments/);
    expect(tokensMatch('a ⟦0⟧ b ⟦1⟧', '⟦1⟧ x ⟦0⟧')).toBe(true);
  });
});

describe('masking properties', () => {
  it('restore(mask(s)) with an identity translation returns s exactly', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 16, max: 400 }), (source, max) => {
        const masked = maskText(source, { maxSegmentChars: max });
        expect(restoreText(masked, masked.segments)).toBe(source);
      }),
      { numRuns: 2000 },
    );
  });

  it('segments carry no hashtag, mention, link, emoji or line break', () => {
    fc.assert(
      fc.property(text, (source) => {
        const masked = maskText(source);
        masksEverything(source, masked.tokens, masked.segments);
      }),
      { numRuns: 1000 },
    );
  });

  it('tokens survive a translator that reorders words and segments', () => {
    fc.assert(
      fc.property(text, (source) => {
        const masked = maskText(source);
        // Word order changes in translation (and a batch may come back permuted: each segment is then checked on its own).
        const reordered = masked.segments.map((segment) => segment.split(' ').reverse().join(' '));
        const restored = restoreText(masked, reordered);
        const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
        for (const token of new Set(masked.tokens)) {
          expect(count(restored, token)).toBeGreaterThanOrEqual(masked.tokens.filter((t) => t === token).length);
        }
        const permuted = [...masked.segments].reverse();
        const sameOrder = masked.segments.every((segment, i) => tokensMatch(segment, permuted[i]!));
        if (!sameOrder) expect(() => restoreText(masked, permuted)).toThrow(/token/);
      }),
      { numRuns: 1000 },
    );
  });
});
