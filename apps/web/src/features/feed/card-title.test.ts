import { describe, expect, it } from 'vitest';
import { cardTitle } from './card-title';

describe('cardTitle', () => {
  it('keeps short titles whole', () => {
    expect(cardTitle('  Cat tax  ')).toBe('Cat tax');
  });

  it('cuts after 20 characters, counting emoji and CJK as one', () => {
    expect(cardTitle('一二三四五六七八九十一二三四五六七八九十多')).toBe('一二三四五六七八九十一二三四五六七八九十…');
    expect(cardTitle('😀'.repeat(21))).toBe(`${'😀'.repeat(20)}…`);
    expect(cardTitle('a'.repeat(20))).toBe('a'.repeat(20));
  });
});
