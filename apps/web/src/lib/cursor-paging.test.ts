import { describe, expect, it } from 'vitest';
import { cursorPaging, withQuery } from './cursor-paging';

describe('cursor paging', () => {
  it('builds query strings without empty values', () => {
    expect(withQuery('/api/feed', { tab: 'topic', topic: '交猫税', cursor: null })).toBe('/api/feed?tab=topic&topic=%E4%BA%A4%E7%8C%AB%E7%A8%8E');
    expect(withQuery('/api/feed', { cursor: undefined })).toBe('/api/feed');
  });

  it('stops when the cursor is null', () => {
    expect(cursorPaging.getNextPageParam({ cursor: 'abc' })).toBe('abc');
    expect(cursorPaging.getNextPageParam({ cursor: null })).toBeUndefined();
  });
});
