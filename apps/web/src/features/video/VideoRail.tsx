import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format-count';
import { Avatar } from '../../ui/Avatar';
import { CommentIcon, PlusIcon, ShareIcon, StarIcon } from '../../ui/icons';
import { CollectSheet } from '../notes/CollectSheet';
import { LikeButton } from '../notes/LikeButton';
import type { NoteView } from '../notes/note-types';
import { shareNote } from '../notes/share-note';
import { useMe } from '../profile/me-queries';
import { WhyButton } from '../recommendations/WhyButton';
import { useFollow } from '../social/relationship-queries';
import { CommentDrawer } from './CommentDrawer';

interface VideoRailProps {
  note: NoteView;
  onShared: () => void;
}

/** The buttons down the right edge: author (+ follow), like, comment, collect, share. */
export function VideoRail({ note, onShared }: VideoRailProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data;
  const follow = useFollow();
  const [collecting, setCollecting] = useState(false);
  const [commenting, setCommenting] = useState(false);
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const viewer = note.viewer;
  const name = note.author.displayName || note.author.handle;
  const collected = viewer?.collected ?? false;
  const canFollow = !viewer?.isAuthor && !viewer?.followingAuthor && me?.id !== note.author.id;
  const count = (n: number, zeroKey: string) => (n > 0 ? formatCount(n, locale) : t(zeroKey));

  return (
    <div className="video-rail">
      <div className="video-rail__author">
        <Link to={`/u/${note.author.handle}`} className="video-rail__avatar" aria-label={t('video.authorProfile', { name })}>
          <Avatar seed={note.author.id} name={name} size={44} label="" />
        </Link>
        {canFollow ? (
          <button
            type="button"
            className="video-rail__follow"
            aria-label={t('social.followLabel', { name })}
            data-testid="video-follow"
            onClick={() => {
              if (!me) {
                void navigate('/login');
                return;
              }
              follow.mutate({ handle: note.author.handle, follow: true, fromNoteId: note.id });
            }}
          >
            <PlusIcon size={14} />
          </button>
        ) : null}
      </div>
      <LikeButton note={note} className="video-rail__btn" testId="video-like" countTestId="video-like-count" iconSize={30} />
      <button
        type="button"
        className="video-rail__btn"
        aria-haspopup="dialog"
        aria-label={t('note.commentLabel', { count: note.counts.comments })}
        data-testid="video-comment"
        onClick={() => setCommenting(true)}
      >
        <CommentIcon size={30} />
        <span aria-hidden="true">{count(note.counts.comments, 'video.comment')}</span>
      </button>
      <button
        type="button"
        className={collected ? 'video-rail__btn is-collected' : 'video-rail__btn'}
        aria-pressed={collected}
        aria-haspopup="dialog"
        aria-label={t(collected ? 'note.collectedLabel' : 'note.collectLabel', { count: note.counts.collects })}
        data-testid="video-collect"
        onClick={() => {
          if (viewer) setCollecting(true);
          else void navigate('/login');
        }}
      >
        <StarIcon size={30} filled={collected} />
        <span aria-hidden="true">{count(note.counts.collects, 'video.collect')}</span>
      </button>
      <button
        type="button"
        className="video-rail__btn"
        aria-label={t('note.share')}
        data-testid="video-share"
        onClick={() => {
          void shareNote(t, note).then((shared) => {
            if (shared) onShared();
          });
        }}
      >
        <ShareIcon size={30} />
        <span aria-hidden="true">{t('note.share')}</span>
      </button>
      {viewer?.isAuthor ? null : <WhyButton noteId={note.id} reason={note.reason} className="video-rail__btn" iconSize={30} testId="video-why" />}
      {/* Mounted only while open: a feed of many items would otherwise hold many dialogs. */}
      {viewer && collecting ? <CollectSheet note={note} open onClose={() => setCollecting(false)} /> : null}
      {commenting ? <CommentDrawer note={note} open onClose={() => setCommenting(false)} /> : null}
    </div>
  );
}
