import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format-count';
import { CommentIcon, ShareIcon, StarIcon } from '../../ui/icons';
import { CollectSheet } from './CollectSheet';
import { LikeButton } from './LikeButton';
import type { NoteView } from './note-types';
import { shareNote } from './share-note';

interface NoteActionBarProps {
  note: NoteView;
  onComment: () => void;
}

/** The bar under a note: say something, like, collect, comment, share. */
export function NoteActionBar({ note, onComment }: NoteActionBarProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [collecting, setCollecting] = useState(false);
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const viewer = note.viewer;
  const collected = viewer?.collected ?? false;
  const count = (n: number) => (n > 0 ? formatCount(n, locale) : '');

  const needSignIn = () => {
    if (viewer) return false;
    void navigate('/login');
    return true;
  };

  return (
    <div className="note-actions">
      {viewer?.commentRestriction ? (
        // The author limits who may comment: say so where the prompt would be (the full reason sits above the comments).
        <button type="button" className="note-actions__say" disabled data-testid="note-comments-closed">
          {t(`privacyControls.commentsClosedShort.${viewer.commentRestriction}`)}
        </button>
      ) : (
        <button type="button" className="note-actions__say" onClick={onComment}>
          {t('comments.placeholder')}
        </button>
      )}
      <LikeButton note={note} className="note-actions__btn" testId="note-like" countTestId="note-like-count" />
      <button
        type="button"
        className={collected ? 'note-actions__btn is-collected' : 'note-actions__btn'}
        aria-pressed={collected}
        aria-haspopup="dialog"
        aria-label={t(collected ? 'note.collectedLabel' : 'note.collectLabel', { count: note.counts.collects })}
        data-testid="note-collect"
        onClick={() => {
          if (!needSignIn()) setCollecting(true);
        }}
      >
        <StarIcon filled={collected} />
        <span aria-hidden="true">{count(note.counts.collects)}</span>
      </button>
      <button
        type="button"
        className="note-actions__btn"
        aria-label={t('note.commentLabel', { count: note.counts.comments })}
        data-testid="note-comment"
        onClick={onComment}
      >
        <CommentIcon />
        <span aria-hidden="true">{count(note.counts.comments)}</span>
      </button>
      <button type="button" className="note-actions__btn" aria-label={t('note.share')} data-testid="note-share" onClick={() => void shareNote(t, note)}>
        <ShareIcon />
      </button>
      {viewer ? <CollectSheet note={note} open={collecting} onClose={() => setCollecting(false)} /> : null}
    </div>
  );
}
