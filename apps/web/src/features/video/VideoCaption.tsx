import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { NoteView } from '../notes/note-types';
import { TranslateToggle } from '../translation/TranslateToggle';
import { useNoteTranslation } from '../translation/use-content-translation';
import { captionText } from './caption';

/** Bottom left: @author, the caption (two lines until tapped) and the note's hashtags. */
export function VideoCaption({ note }: { note: NoteView }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const translation = useNoteTranslation(note);
  const caption = captionText(translation.text('title', note.title), translation.text('body', note.body));
  const captionId = `video-caption-${note.id}`;
  return (
    <div className="video-caption" data-testid="video-caption">
      <Link to={`/u/${note.author.handle}`} className="video-caption__author">
        @{note.author.handle}
      </Link>
      {caption ? (
        <button
          type="button"
          className={expanded ? 'video-caption__text is-expanded' : 'video-caption__text'}
          aria-expanded={expanded}
          aria-label={t(expanded ? 'video.collapseCaption' : 'video.expandCaption')}
          aria-describedby={captionId}
          onClick={() => setExpanded((value) => !value)}
        >
          <span id={captionId} lang={translation.lang}>
            {caption}
          </span>
        </button>
      ) : null}
      {caption ? <TranslateToggle state={translation} className="translate-toggle--on-media" /> : null}
      {note.topics.length > 0 ? (
        <ul className="video-caption__topics">
          {note.topics.map((topic) => (
            <li key={topic.name}>
              <Link to={`/topics/${encodeURIComponent(topic.name)}`}>#{topic.name}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
