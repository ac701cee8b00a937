import { describe, expect, it } from 'vitest';
import { documentTokens, queryTokens } from './search-tokens.js';

const matches = (document: string, query: string) => {
  const tokens = new Set(documentTokens(document));
  const needed = queryTokens(query);
  return needed.length > 0 && needed.every((token) => tokens.has(token));
};

describe('search tokens', () => {
  it('finds English words, prefixes and hashtags, case-insensitively', () => {
    const doc = 'Hello from Ohio! Joined #TikTokRefugee today';
    expect(matches(doc, 'ohio')).toBe(true);
    expect(matches(doc, 'Refug')).toBe(false); // prefixes of the hashtag word
    expect(matches(doc, 'tiktokrefugee')).toBe(true);
    expect(matches(doc, 'tiktok')).toBe(true);
    expect(matches(doc, 'join')).toBe(true);
    expect(matches(doc, 'texas')).toBe(false);
  });

  it('finds Chinese words whatever the segmentation', () => {
    const doc = '今天给大家交猫税，我家的橘猫特别能吃';
    for (const query of ['猫税', '橘猫', '猫', '交猫税', '特别能吃']) expect(matches(doc, query), query).toBe(true);
    expect(matches(doc, '狗')).toBe(false);
    expect(matches(doc, '猫狗')).toBe(false);
  });

  it('mixes scripts and ignores punctuation-only queries', () => {
    const doc = 'Learning 中文 with my cat 🐱';
    expect(matches(doc, '中文 cat')).toBe(true);
    expect(queryTokens('!!! ...')).toEqual([]);
  });
});
