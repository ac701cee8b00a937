import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentView } from './comment-types';
import { useReplies } from './comments-queries';

interface MoreRepliesProps {
  parent: CommentView;
  hidden: number;
  /** Replies already shown inline, left out of the loaded list. */
  inlineIds: string[];
  render: (reply: CommentView) => ReactNode;
}

/** "View 12 more replies", then the rest of the thread page by page. */
export function MoreReplies({ parent, hidden, inlineIds, render }: MoreRepliesProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const replies = useReplies(parent.noteId, parent.id, open);
  const loaded = (replies.data?.pages.flatMap((page) => page.items) ?? []).filter((r) => !inlineIds.includes(r.id));
  const remaining = Math.max(0, hidden - loaded.length);
  const showButton = !open || (replies.hasNextPage && remaining > 0) || replies.isError;

  return (
    <>
      {loaded.map(render)}
      {showButton ? (
        <li className="comment__more">
          <button
            type="button"
            className="comment__action"
            disabled={replies.isFetching}
            onClick={() => (open ? void replies.fetchNextPage() : setOpen(true))}
            data-testid="comment-more-replies"
          >
            {replies.isFetching ? t('app.loading') : t('comments.viewMoreReplies', { count: open ? remaining : hidden })}
          </button>
        </li>
      ) : null}
    </>
  );
}
