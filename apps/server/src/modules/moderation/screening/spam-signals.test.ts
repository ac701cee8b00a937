import { describe, expect, it } from 'vitest';
import { countLinks, countMentions } from './spam-signals.js';
import { hammingDistance, isNearDuplicateText, NEAR_DUPLICATE_MAX_DISTANCE, simhash64 } from './simhash.js';

const distance = (a: string, b: string) => hammingDistance(simhash64(a), simhash64(b));

describe('simhash64', () => {
  it('returns a 64-bit fingerprint, stable across calls', () => {
    const hash = simhash64('Buy cheap followers now');
    expect(typeof hash).toBe('bigint');
    expect(hash).toBeLessThan(1n << 64n);
    expect(hash).toBeGreaterThanOrEqual(0n);
    expect(simhash64('Buy cheap followers now')).toBe(hash);
  });

  it('sees through case, punctuation and disguises: paraphrase-level edits are near-duplicates', () => {
    expect(distance('Buy cheap followers now!!! link', 'buy cheap followers NOW link!')).toBeLessThanOrEqual(NEAR_DUPLICATE_MAX_DISTANCE);
    expect(isNearDuplicateText('Buy cheap followers now!!! link', 'buy cheap followers NOW link!')).toBe(true);
    expect(isNearDuplicateText('Get 1000 free followers today, visit my profile', 'get 1000 FR33 followers today!! visit my profile')).toBe(true);
    expect(isNearDuplicateText('加微信领取免费粉丝，每天更新', '加微信領取免費粉絲，每天更新!!')).toBe(true);
  });

  it('keeps unrelated texts far apart', () => {
    expect(distance('Buy cheap followers now!!! link', 'The weather in Lisbon is lovely this week')).toBeGreaterThan(12);
    expect(isNearDuplicateText('I love hiking in the mountains with my dog', 'My cat prefers sleeping on the sofa all day')).toBe(false);
    expect(isNearDuplicateText('加微信领取免费粉丝，每天更新', '今天天气很好我们去公园散步吧')).toBe(false);
  });

  it('only calls short texts duplicates when they are the same', () => {
    expect(isNearDuplicateText('hi there', 'HI THERE!')).toBe(true);
    expect(isNearDuplicateText('hi there', 'hi you')).toBe(false);
    expect(isNearDuplicateText('', '')).toBe(false);
  });
});

describe('hammingDistance', () => {
  it('counts differing bits', () => {
    expect(hammingDistance(0n, 0n)).toBe(0);
    expect(hammingDistance(0b1011n, 0b0010n)).toBe(2);
    expect(hammingDistance(0n, (1n << 64n) - 1n)).toBe(64);
  });
});

describe('countLinks', () => {
  it('counts URLs, www addresses and bare domains, also with disguised dots', () => {
    expect(countLinks('see https://example.com/a?b=1 and http://x.io')).toBe(2);
    expect(countLinks('www.spam.example and bit.ly/abc')).toBe(2);
    expect(countLinks('spam[.]com or spam(dot)net, spam．com')).toBe(3);
  });

  it('ignores prose, versions, numbers and e-mail domains', () => {
    expect(countLinks('e.g. this, v1.2.3, 3.5 stars, end. Next')).toBe(0);
    expect(countLinks('write to ann@example.com')).toBe(0);
  });
});

describe('countMentions', () => {
  it('counts every @handle the app would link, repeats included', () => {
    expect(countMentions('@alice @bob hi @alice')).toBe(3);
    expect(countMentions('mail ann@example.com, @ab is too short, @under_score ok')).toBe(1);
  });
});
