import { describe, expect, it } from 'vitest';
import { isHandleFormatValid, normaliseHandleInput, sameHandle } from './handle-rules';

describe('handle rules', () => {
  it('accepts 3-24 letters, digits and underscores that are not only digits', () => {
    expect(isHandleFormatValid('mei_li')).toBe(true);
    expect(isHandleFormatValid('abc')).toBe(true);
    expect(isHandleFormatValid('a'.repeat(24))).toBe(true);
    expect(isHandleFormatValid('ab')).toBe(false);
    expect(isHandleFormatValid('a'.repeat(25))).toBe(false);
    expect(isHandleFormatValid('12345')).toBe(false);
    expect(isHandleFormatValid('user2025')).toBe(true);
    expect(isHandleFormatValid('has-dash')).toBe(false);
    expect(isHandleFormatValid('美丽')).toBe(false);
  });

  it('drops a leading @ and spaces', () => {
    expect(normaliseHandleInput(' @mei li ')).toBe('meili');
  });

  it('compares case-insensitively', () => {
    expect(sameHandle('MeiLi', 'meili')).toBe(true);
    expect(sameHandle(null, 'meili')).toBe(false);
  });
});
