import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-error';
import { formatDate } from '../../lib/format-date';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Avatar } from '../../ui/Avatar';
import { PinIcon } from '../../ui/icons';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { CommentsSection } from '../comments/CommentsSection';
import { AuthorNotice } from '../moderation/AuthorNotice';
import { useWarningGate } from '../moderation/revealed-warnings';
import { WarningGate } from '../moderation/WarningGate';
import { ExposureLine } from '../recommendations/ExposureLine';
import { FollowButton } from '../social/FollowButton';
import { TranslateToggle } from '../translation/TranslateToggle';
import { useNoteTranslation } from '../translation/use-content-translation';
import { NoteActionBar } from './NoteActionBar';
import { NoteCarousel } from './NoteCarousel';
import { NoteMenu } from './NoteMenu';
import { NoteSkeleton } from './NoteSkeleton';
import { NoteUnavailable } from './NoteUnavailable';
import { NoteVideo } from './NoteVideo';
import type { NoteView } from './note-types';
import { useNote } from './notes-queries';
import { RichText } from './RichText';
import { tokenizeRichText } from './rich-text';
import { reportView } from './view-reporter';
import './note-page.css';

/** /notes/:id — one note: images, text, author, actions and comments. */
export function NotePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const note = useNote(id);
  useDocumentTitle(note.data?.title || t('note.pageTitle'));

  useEffect(() => {
    if (note.data) reportView(note.data.id);
  }, [note.data]);

  if (note.isPending) return <NoteSkeleton />;
  if (note.isError) {
    const gone = isApiError(note.error) && [403, 404, 410].includes(note.error.status);
    return gone ? <NoteUnavailable /> : <QueryError error={note.error} onRetry={() => void note.refetch()} />;
  }
  return <NoteContent note={note.data} />;
}

function NoteContent({ note }: { note: NoteView }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const inputRef = useRef<HTMLTextAreaElement>(null);
  // A tombstone: the author erased their account; what others replied stays readable below.
  const erased = note.author.erased === true;
  const name = erased ? t('privacyRights.tombstone.author') : note.author.displayName || note.author.handle;
  const focusComment = () => {
    inputRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    inputRef.current?.focus({ preventScroll: true });
  };
  const bodyTopics = new Set(tokenizeRichText(note.body).flatMap((token) => (token.type === 'topic' ? [token.name.normalize('NFKC').toLowerCase()] : [])));
  const extraTopics = note.topics.filter((topic) => !bodyTopics.has(topic.name.normalize('NFKC').toLowerCase()));
  const edited = note.updatedAt && note.updatedAt !== note.createdAt;
  // Title and body are translated together and shown in place of the original.
  const translation = useNoteTranslation(note);
  // Behind a warning, the text collapses with the media until the reader taps Show.
  const gated = useWarningGate('note', note.id, note.warnings);

  return (
    <article className="note-page" aria-labelledby="note-title">
      <PageHeader
        title={t('note.pageTitle')}
        titleHidden
        back
        actions={
          <div className="note-page__bar">
            {erased ? (
              <span className="note-page__author">
                <span className="note-page__author-name muted">{name}</span>
              </span>
            ) : (
              <Link to={`/u/${note.author.handle}`} className="note-page__author">
                <Avatar seed={note.author.id} name={name} size={32} label="" />
                <span className="note-page__author-name">{name}</span>
              </Link>
            )}
            {note.viewer?.isAuthor || erased ? null : (
              <FollowButton handle={note.author.handle} name={name} following={note.viewer?.followingAuthor ?? false} fromNoteId={note.id} />
            )}
            <NoteMenu note={note} />
          </div>
        }
      />
      {note.moderation ? <AuthorNotice moderation={note.moderation} /> : null}
      <WarningGate kind="note" id={note.id} warnings={note.warnings}>
        {note.video ? <NoteVideo note={note} video={note.video} /> : note.images.length > 0 ? <NoteCarousel images={note.images} /> : null}
      </WarningGate>
      <div className="note-page__content">
        {erased ? (
          <p className="muted" data-testid="note-tombstone">
            {t('privacyRights.tombstone.note')}
          </p>
        ) : null}
        {note.title ? (
          <h1 id="note-title" className="note-page__title" data-testid="note-title" lang={translation.lang}>
            {translation.text('title', note.title)}
          </h1>
        ) : (
          <h1 id="note-title" className="visually-hidden">
            {t('note.pageTitle')}
          </h1>
        )}
        {note.body && !gated ? (
          <p className="note-page__body" data-testid="note-body" lang={translation.lang}>
            <RichText text={translation.text('body', note.body)} mentions={note.mentions} />
          </p>
        ) : null}
        {gated ? null : <TranslateToggle state={translation} />}
        {extraTopics.length > 0 ? (
          <ul className="note-page__topics">
            {extraTopics.map((topic) => (
              <li key={topic.name}>
                <Link to={`/topics/${encodeURIComponent(topic.name)}`} className="rich-link">
                  #{topic.name}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        <p className="note-page__meta">
          <time dateTime={note.createdAt}>{formatDate(note.createdAt, locale)}</time>
          {edited ? <span>{t('note.edited')}</span> : null}
          {note.place ? (
            <span className="note-page__place">
              <PinIcon size={14} />
              <span className="visually-hidden">{t('note.placeLabel')}</span>
              {note.place}
            </span>
          ) : null}
        </p>
        {note.exposure ? <ExposureLine exposure={note.exposure} /> : null}
      </div>
      <CommentsSection
        noteId={note.id}
        total={note.counts.comments}
        signedIn={Boolean(note.viewer)}
        restriction={note.viewer?.commentRestriction ?? null}
        inputRef={inputRef}
        onReplyStart={focusComment}
      />
      <NoteActionBar note={note} onComment={focusComment} />
    </article>
  );
}
