import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../ui/Avatar';
import { PlayIcon } from '../../ui/icons';
import { ResponsiveImage } from '../../ui/ResponsiveImage';
import { LikeButton } from '../notes/LikeButton';
import type { NoteCard } from '../notes/note-types';
import { useWarningGate } from '../moderation/revealed-warnings';
import { WarningCover, WarningShowButton } from '../moderation/WarningCover';
import { unwatchCard, watchCard } from '../notes/view-reporter';
import { useFeedSurface } from '../recommendations/feed-surface';
import { useCardImpression } from '../recommendations/grid-impressions';
import { WhyButton } from '../recommendations/WhyButton';
import { LanguageBadge } from '../translation/LanguageBadge';
import { TranslateToggle } from '../translation/TranslateToggle';
import { textVersion } from '../translation/translation-rules';
import { useContentTranslation } from '../translation/use-content-translation';
import { cardTitle } from './card-title';
import { coverRatio } from './masonry';

interface NoteCardItemProps {
  note: NoteCard;
  position: number;
  setSize: number;
  eager?: boolean;
}

/** One card in the explore grid: cover, title, author and a like toggle. */
export function NoteCardItem({ note, position, setSize, eager }: NoteCardItemProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const name = note.author.displayName || note.author.handle;
  // The feed mixes languages on purpose: a card in a language the viewer doesn't read offers its title translated in place.
  const translation = useContentTranslation({ kind: 'note', id: note.id, language: note.language, version: textVersion(note.title), authorId: note.author.id });
  const title = note.title ? cardTitle(translation.text('title', note.title)) : t('note.untitled');

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    watchCard(element, note.id);
    return () => unwatchCard(element);
  }, [note.id]);
  const surface = useFeedSurface();
  useCardImpression(ref, note.id, position - 1, surface);
  const gated = useWarningGate('note', note.id, note.warnings);
  const ratio = note.cover ? coverRatio(note.cover.width, note.cover.height) : 1;

  return (
    <article
      ref={ref}
      className="note-card"
      data-testid="note-card"
      data-note-id={note.id}
      aria-posinset={position}
      aria-setsize={setSize}
      aria-labelledby={`card-title-${note.id}`}
    >
      <Link to={`/notes/${note.id}`} className="note-card__link">
        <div className="note-card__cover">
          {gated && note.warnings ? (
            <WarningCover warnings={note.warnings} cover={note.cover} ratio={ratio} />
          ) : (
            <ResponsiveImage image={note.cover} ratio={ratio} sizes="(min-width: 900px) 330px, 50vw" eager={eager} />
          )}
          {note.kind === 'video' ? (
            <span className="note-card__badge" data-testid="video-card-badge">
              <PlayIcon size={14} />
              <span className="visually-hidden">{t('note.video')}</span>
            </span>
          ) : null}
          <LanguageBadge language={note.language} className="language-badge--on-cover" />
        </div>
        <h3 id={`card-title-${note.id}`} className="note-card__title">
          {title}
        </h3>
      </Link>
      {gated ? <WarningShowButton noteId={note.id} ratio={ratio} /> : null}
      <TranslateToggle state={translation} className="note-card__translate" />
      {surface ? (
        <WhyButton
          noteId={note.id}
          reason={note.reason ?? surface.fallbackReason}
          className={note.kind === 'video' ? 'note-card__why note-card__why--beside-badge' : 'note-card__why'}
        />
      ) : null}
      <div className="note-card__meta">
        <Link to={`/u/${note.author.handle}`} className="note-card__author">
          <Avatar seed={note.author.id} name={name} size={20} label="" />
          <span className="note-card__author-name">{name}</span>
        </Link>
        <LikeButton note={note} className="note-card__like" testId="note-card-like" iconSize={16} />
      </div>
    </article>
  );
}
