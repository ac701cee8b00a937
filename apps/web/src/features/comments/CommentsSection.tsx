import { useState, type Ref } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadMoreFooter } from '../../ui/LoadMoreFooter';
import { QueryError } from '../../ui/QueryError';
import { Skeleton } from '../../ui/Skeleton';
import { SkeletonGroup } from '../../ui/SkeletonGroup';
import type { CommentSort, CommentView } from './comment-types';
import { CommentInput } from './CommentInput';
import { CommentItem } from './CommentItem';
import { useComments } from './comments-queries';
import './comments.css';

interface CommentsSectionProps {
  noteId: string;
  total: number;
  signedIn: boolean;
  /** The author lets only some people comment and I am not one of them: a notice instead of the box. */
  restriction?: 'followers' | 'following' | 'nobody' | null;
  inputRef: Ref<HTMLTextAreaElement>;
  onReplyStart: () => void;
}

/** Comments under a note: sort toggle, the thread list, and the box to write one. */
export function CommentsSection({ noteId, total, signedIn, restriction = null, inputRef, onReplyStart }: CommentsSectionProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [sort, setSort] = useState<CommentSort>('top');
  const [replyTo, setReplyTo] = useState<CommentView | null>(null);
  const comments = useComments(noteId, sort);
  const items = comments.data?.pages.flatMap((page) => page.items) ?? [];
  const needSignIn = () => void navigate('/login');

  return (
    <section className="comments" aria-labelledby="comments-heading">
      <div className="comments__head">
        <h2 id="comments-heading" className="comments__title">
          {t('comments.title', { count: total })}
        </h2>
        <div className="comments__sort" role="group" aria-label={t('comments.sortLabel')}>
          {(['top', 'newest'] as const).map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={sort === value}
              className="comments__sort-btn"
              onClick={() => setSort(value)}
              data-testid={`comment-sort-${value}`}
            >
              {t(`comments.sort.${value}`)}
            </button>
          ))}
        </div>
      </div>
      {restriction ? (
        <p className="comment-input comment-input__closed muted" data-testid="comments-restricted">
          {t(`privacyControls.commentsClosed.${restriction}`)}
        </p>
      ) : (
        <CommentInput noteId={noteId} signedIn={signedIn} replyTo={replyTo} onCancelReply={() => setReplyTo(null)} inputRef={inputRef} />
      )}
      {comments.isPending ? (
        <SkeletonGroup className="comments__skeleton">
          {[0, 1, 2].map((i) => (
            <div key={i} className="comment">
              <Skeleton width={32} height={32} radius="50%" />
              <div className="comment__main">
                <Skeleton width="30%" height={12} />
                <Skeleton width="80%" height={14} />
              </div>
            </div>
          ))}
        </SkeletonGroup>
      ) : comments.isError && items.length === 0 ? (
        <QueryError error={comments.error} onRetry={() => void comments.refetch()} />
      ) : items.length === 0 ? (
        // "Be the first" makes no sense where the author closed the comments.
        restriction ? null : (
          <p className="comments__empty muted">{t('comments.empty')}</p>
        )
      ) : (
        <ul className="comments__list">
          {items.map((comment) => (
            <CommentItem
              key={comment.id}
              comment={comment}
              signedIn={signedIn}
              onNeedSignIn={needSignIn}
              onReply={(target) => {
                setReplyTo(target);
                onReplyStart();
              }}
            />
          ))}
        </ul>
      )}
      <LoadMoreFooter pager={comments} className="comments__footer" margin="300px" />
    </section>
  );
}
