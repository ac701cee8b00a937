import { describe, expect, it } from 'vitest';
import { normaliseChars } from './normalise-chars.js';

const normal = (text: string) => normaliseChars(text).chars.join('');

describe('normaliseChars', () => {
  it('folds full-width, mathematical and circled forms (NFKC) and case', () => {
    expect(normal('ＣＡＳＩＮＯ')).toBe('casino');
    expect(normal('𝐟𝐮𝐜𝐤 𝔰𝔢𝔵')).toBe('fuck sex');
    expect(normal('ⓒⓐⓢⓘⓝⓞ')).toBe('casino');
    expect(normal('Straße')).toBe('strasse');
  });

  it('removes zero-width, bidi control and soft-hyphen characters', () => {
    expect(normal('f\u200bu\u200cc\u200dk')).toBe('fuck');
    expect(normal('\u202ecasino\u202c')).toBe('casino');
    expect(normal('cas\u00adino\ufeff')).toBe('casino');
    expect(normal('sex\u2066\u2069y')).toBe('sexy');
  });

  it('strips combining diacritics and Zalgo marks but keeps ñ', () => {
    expect(normal('ÇÁSÍNÓ')).toBe('casino');
    expect(normal('c\u0301a\u0300s\u0308i\u0327n\u0302o')).toBe('casino');
    expect(normal('z̸̢̛a̴l̷g̶o̵')).toBe('zalgo');
    expect(normal('año')).toBe('año');
  });

  it('maps look-alike letters from other scripts to their Latin skeleton', () => {
    expect(normal('саsіnо')).toBe('casino'); // Cyrillic а, с, і, о
    expect(normal('ΡΟΚΕR')).toBe('poker'); // Greek capitals
    expect(normal('КILL')).toBe('kill'); // Cyrillic К
    expect(normal('fսck')).toBe('fuck'); // Armenian ս
    expect(normal('ø')).toBe('o');
  });

  it('reads fancy-text letters: negative circled and squared, regional indicators, small capitals', () => {
    expect(normal('🅵🆄🅲🅺 🅕🅤🅒🅚 🇫🇺🇨🇰')).toBe('fuck fuck fuck');
    expect(normal('ᴄᴀsɪnᴏ')).toBe('casino');
    expect(normal('тʙʜ')).toBe('tbh');
    expect(normal('ϲasino')).toBe('casino'); // Greek lunate sigma, which NFKC would turn into ς
  });

  it('drops variation selectors and any combining mark on Latin, Greek or Cyrillic letters', () => {
    expect(normal('c\ufe0fasino')).toBe('casino');
    expect(normal('ca\u0489si\u0488no')).toBe('casino');
    expect(normal('डिलीट')).toBe('डिलीट'); // Devanagari vowel signs are spelling
  });

  it('puts Korean spelled in separate letters back into syllables', () => {
    expect(normal('ㄷㅗㅂㅏㄱ')).toBe('도박');
    expect(normal('ㅁㅏㅇㅑㄱ')).toBe('마약');
    expect(normal('ㅋㅋㅋ ㅠㅠ')).toBe('ㅋㅋㅋ ㅠㅠ'.normalize('NFKC')); // chat shorthand stays letters
  });

  it('leaves ASCII digits and symbols alone (leetspeak is read per word)', () => {
    expect(normal('h3ll0 $ex 100%')).toBe('h3ll0 $ex 100%');
  });

  it('turns traditional Chinese and Japanese kanji into simplified Chinese', () => {
    expect(normal('賭博')).toBe('赌博');
    expect(normal('線上賭場')).toBe('线上赌场');
    expect(normal('覚醒剤')).toBe(normal('覺醒劑'));
    expect(normal('覚醒剤')).toBe('觉醒剂');
  });

  it('folds katakana (full and half width) to hiragana', () => {
    expect(normal('カジノ')).toBe('かじの');
    expect(normal('ｶｼﾞﾉ')).toBe('かじの');
    expect(normal('かじの')).toBe('かじの');
  });

  it('keeps Hangul syllables, composing decomposed jamo', () => {
    expect(normal('도박')).toBe('도박');
    expect(normal('도박'.normalize('NFD'))).toBe('도박');
  });

  it('remembers where each character came from', () => {
    const text = 'ｆ\u200bu\u0308!';
    const result = normaliseChars(text);
    expect(result.chars).toEqual(['f', 'u', '!']);
    expect(result.starts).toEqual([0, 2, 4]);
    expect(result.ends).toEqual([1, 4, 5]);
    expect(result.upper).toEqual([false, false, false]);
    expect(normaliseChars('Ab').upper).toEqual([true, false]);
  });
});
