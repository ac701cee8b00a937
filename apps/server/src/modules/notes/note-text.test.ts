import { describe, expect, it } from 'vitest';
import { parseHashtags, parseMentions, topicKey } from './note-text.js';

describe('note text', () => {
  it('parses hashtags in any script, once each, as first written', () => {
    expect(parseHashtags('Hi #TikTokRefugee! 今天 #交猫税 and #tiktokrefugee again #日本語 #café_2025')).toEqual([
      'TikTokRefugee',
      '交猫税',
      '日本語',
      'café_2025',
    ]);
    expect(parseHashtags('no tags # here, nor#? ')).toEqual([]);
    expect(topicKey('ＴｉｋＴｏｋ')).toBe('tiktok');
  });

  it('caps topics per note', () => {
    const text = Array.from({ length: 15 }, (_, i) => `#t${i}`).join(' ');
    expect(parseHashtags(text)).toHaveLength(10);
  });

  it('parses mentions but not e-mail addresses', () => {
    expect(parseMentions('thanks @Ann_SF and @meilin, mail me at bob@example.com, @ab is too short')).toEqual(['ann_sf', 'meilin']);
  });
});
