import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format-count';
import { formatDate } from '../../lib/format-date';
import { Avatar } from '../../ui/Avatar';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { HeartIcon, MoreIcon } from '../../ui/icons';
import { Menu } from '../../ui/Menu';
import { useWarningGate } from '../moderation/revealed-warnings';
import { useOpenCaseItem } from '../moderation/use-open-case-item';
import { InlineWarning } from '../moderation/WarningGate';
import { canModerate, useMe } from '../profile/me-queries';
import { ReportSheet } from '../reports/ReportSheet';
import { RichText } from '../notes/RichText';
import { TranslateToggle } from '../translation/TranslateToggle';
import { textVersion } from '../translation/translation-rules';
import { useContentTranslation } from '../translation/use-content-translation';
import type { CommentView } from './comment-types';
import { useDeleteComment, useLikeComment } from './comments-queries';
import { MoreReplies } from './MoreReplies';

interface CommentItemProps {
  comment: CommentView;
  onReply: (comment: CommentView) => void;
  signedIn: boolean;
  onNeedSignIn: () => void;
}

/** A comment with its like, reply and delete controls, and its replies under it. */
export function CommentItem({ comment, onReply, signedIn, onNeedSignIn }: CommentItemProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const like = useLikeComment(comment.noteId);
  const remove = useDeleteComment(comment.noteId);
  const [confirming, setConfirming] = useState(false);
  const [reporting, setReporting] = useState(false);
  const me = useMe().data;
  const openCase = useOpenCaseItem({ type: 'comment', id: comment.id });
  // Anyone signed in may report someone else's comment; moderators may also open a case on it.
  const reportable = Boolean(me) && me?.id !== comment.author.id;
  const gated = useWarningGate('comment', comment.id, comment.warnings);
  const liked = comment.viewer?.liked ?? false;
  // A tombstone: its author erased their account; the replies under it stay readable.
  const erased = comment.author.erased === true;
  const name = erased ? t('privacyRights.tombstone.author') : comment.author.displayName || comment.author.handle;
  const inline = comment.replies ?? [];
  const hidden = comment.parentId ? 0 : Math.max(0, comment.replyCount - inline.length);
  const translation = useContentTranslation({
    kind: 'comment',
    id: comment.id,
    language: comment.language,
    version: textVersion(comment.body),
    authorId: comment.author.id,
  });

  return (
    <li className={comment.parentId ? 'comment comment--reply' : 'comment'} data-testid="comment-item" data-comment-id={comment.id}>
      {erased ? (
        <span className="comment__avatar" aria-hidden="true">
          <Avatar seed={comment.author.id} name="?" size={comment.parentId ? 24 : 32} label="" />
        </span>
      ) : (
        <Link to={`/u/${comment.author.handle}`} className="comment__avatar" tabIndex={-1} aria-hidden="true">
          <Avatar seed={comment.author.id} name={name} size={comment.parentId ? 24 : 32} label="" />
        </Link>
      )}
      <div className="comment__main">
        {erased ? (
          <span className="comment__author muted">{name}</span>
        ) : (
          <Link to={`/u/${comment.author.handle}`} className="comment__author">
            {name}
          </Link>
        )}
        {erased ? (
          <p className="comment__body muted" data-testid="comment-tombstone">
            {t('privacyRights.tombstone.comment')}
          </p>
        ) : gated && comment.warnings ? (
          <InlineWarning id={comment.id} warnings={comment.warnings} />
        ) : (
          <>
            <p className="comment__body" lang={translation.lang}>
              {comment.replyTo ? (
                <>
                  {t('comments.replyPrefix')}
                  <Link to={`/u/${comment.replyTo.handle}`} className="rich-link">
                    @{comment.replyTo.handle}
                  </Link>
                  {': '}
                </>
              ) : null}
              <RichText text={translation.text('body', comment.body)} mentions={comment.mentions} />
            </p>
            <TranslateToggle state={translation} />
          </>
        )}
        <div className="comment__meta">
          <time dateTime={comment.createdAt}>{formatDate(comment.createdAt, locale)}</time>
          <button
            type="button"
            className="comment__action"
            onClick={() => (signedIn ? onReply(comment) : onNeedSignIn())}
            aria-label={t('comments.replyLabel', { name })}
            data-testid="comment-reply"
          >
            {t('comments.reply')}
          </button>
          {comment.viewer?.canDelete ? (
            <button type="button" className="comment__action" onClick={() => setConfirming(true)} data-testid="comment-delete">
              {t('comments.delete')}
            </button>
          ) : null}
          {reportable ? (
            <Menu
              label={t('comments.menuLabel', { name })}
              testId="comment-menu"
              buttonClassName="comment__menu"
              icon={<MoreIcon size={16} />}
              items={[
                { label: t('report.action.comment'), onSelect: () => setReporting(true), danger: true, testId: 'comment-report' },
                ...(canModerate(me) ? [openCase] : []),
              ]}
            />
          ) : null}
        </div>
        {reporting ? <ReportSheet subject={{ type: 'comment', id: comment.id }} open onClose={() => setReporting(false)} /> : null}
        {comment.replies?.length || hidden > 0 ? (
          <ul className="comment__replies">
            {inline.map((reply) => (
              <CommentItem key={reply.id} comment={reply} onReply={onReply} signedIn={signedIn} onNeedSignIn={onNeedSignIn} />
            ))}
            {hidden > 0 ? (
              <MoreReplies
                parent={comment}
                hidden={hidden}
                inlineIds={inline.map((r) => r.id)}
                render={(reply) => <CommentItem key={reply.id} comment={reply} onReply={onReply} signedIn={signedIn} onNeedSignIn={onNeedSignIn} />}
              />
            ) : null}
          </ul>
        ) : null}
      </div>
      <button
        type="button"
        className={liked ? 'comment__like is-liked' : 'comment__like'}
        aria-pressed={liked}
        aria-label={t(liked ? 'comments.unlikeLabel' : 'comments.likeLabel', { count: comment.likes })}
        data-testid="comment-like"
        onClick={() => (signedIn ? like.mutate({ comment, like: !liked }) : onNeedSignIn())}
      >
        <HeartIcon size={16} filled={liked} />
        <span aria-hidden="true">{comment.likes > 0 ? formatCount(comment.likes, locale) : ''}</span>
      </button>
      <ConfirmDialog
        open={confirming}
        title={t('comments.deleteConfirmTitle')}
        body={t('comments.deleteConfirmBody')}
        confirmLabel={t('comments.delete')}
        busy={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          remove.mutate(comment);
        }}
        testId="confirm-comment-delete"
      />
    </li>
  );
}
