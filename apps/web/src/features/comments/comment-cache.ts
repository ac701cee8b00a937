import type { InfiniteData } from '@tanstack/react-query';
import type { Page } from '../notes/note-types';
import type { CommentView } from './comment-types';

export type CommentPages = InfiniteData<Page<CommentView>>;

/**
 * Rewrites every comment (and inline reply) in a paged list: `fn` returns the comment,
 * a changed copy, or null to drop it. Unchanged lists keep their identity.
 */
export function mapComments(data: CommentPages | undefined, fn: (comment: CommentView) => CommentView | null): CommentPages | undefined {
  if (!data) return data;
  let changed = false;
  const visit = (list: CommentView[]): CommentView[] => {
    const out: CommentView[] = [];
    for (const comment of list) {
      let next: CommentView | null = comment;
      if (comment.replies?.length) {
        const replies = visit(comment.replies);
        if (replies !== comment.replies) next = { ...comment, replies };
      }
      next = next ? fn(next) : null;
      if (next !== comment) changed = true;
      if (next) out.push(next);
    }
    return out.length === list.length && out.every((c, i) => c === list[i]) ? list : out;
  };
  const pages = data.pages.map((page) => {
    const items = visit(page.items);
    return items === page.items ? page : { ...page, items };
  });
  return changed ? { ...data, pages } : data;
}

/** Puts a new top-level comment first in the first page. */
export function prependComment(data: CommentPages | undefined, comment: CommentView): CommentPages | undefined {
  if (!data || data.pages.length === 0) return data;
  const [first, ...rest] = data.pages;
  if (!first || first.items.some((c) => c.id === comment.id)) return data;
  return { ...data, pages: [{ ...first, items: [comment, ...first.items] }, ...rest] };
}
