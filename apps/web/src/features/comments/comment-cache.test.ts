import { describe, expect, it } from 'vitest';
import type { CommentView } from './comment-types';
import { mapComments, prependComment, type CommentPages } from './comment-cache';

const comment = (id: string, replies?: CommentView[]): CommentView => ({
  id,
  noteId: 'n1',
  parentId: null,
  body: id,
  createdAt: '2025-01-15T00:00:00Z',
  author: { id: 'u1', handle: 'ann', displayName: 'Ann' },
  likes: 0,
  replyCount: replies?.length ?? 0,
  replies,
  viewer: { liked: false, canDelete: true },
});

const data = (): CommentPages => ({
  pages: [{ items: [comment('a', [comment('r1'), comment('r2')]), comment('b')], cursor: null }],
  pageParams: [null],
});

describe('comment cache', () => {
  it('changes a nested reply and keeps the rest', () => {
    const before = data();
    const after = mapComments(before, (c) => (c.id === 'r2' ? { ...c, likes: 1 } : c));
    expect(after?.pages[0]?.items[0]?.replies?.[1]?.likes).toBe(1);
    expect(after?.pages[0]?.items[1]).toBe(before.pages[0]?.items[1]);
  });

  it('drops a comment and returns the same object when nothing matched', () => {
    const before = data();
    expect(mapComments(before, (c) => (c.id === 'b' ? null : c))?.pages[0]?.items.map((c) => c.id)).toEqual(['a']);
    expect(mapComments(before, (c) => c)).toBe(before);
  });

  it('prepends a new comment once', () => {
    const once = prependComment(data(), comment('new'));
    expect(once?.pages[0]?.items.map((c) => c.id)).toEqual(['new', 'a', 'b']);
    expect(prependComment(once, comment('new'))).toBe(once);
  });
});
