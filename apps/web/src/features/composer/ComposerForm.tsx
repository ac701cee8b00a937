import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { Button } from '../../ui/Button';
import { InlineAlert } from '../../ui/InlineAlert';
import { showToast } from '../../ui/toast-store';
import type { NoteInput } from '../notes/notes-queries';
import { canPublish, MAX_IMAGES, type ComposerImage } from './composer-images';
import { ImagePicker } from './ImagePicker';
import { ImageThumb } from './ImageThumb';
import { textReady } from './note-text';
import { NoteTextFields } from './NoteTextFields';
import { useComposerImages } from './use-composer-images';
import './composer.css';

export interface ComposerInitial {
  title: string;
  body: string;
  place: string;
  images: ComposerImage[];
}

interface ComposerFormProps {
  initial?: ComposerInitial;
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (input: NoteInput) => void;
}

/** Photos, title, text and place: shared by posting a new note and editing one. */
export function ComposerForm({ initial, submitLabel, busyLabel, busy, error, onSubmit }: ComposerFormProps) {
  const { t } = useTranslation();
  const { items, addFiles, remove, move, setAlt } = useComposerImages(initial?.images);
  const [title, setTitle] = useState(initial?.title ?? '');
  const [body, setBody] = useState(initial?.body ?? '');
  const [place, setPlace] = useState(initial?.place ?? '');
  const ready = canPublish(items, title, body) && textReady(title, body);

  const pick = (files: File[]) => {
    const skipped = addFiles(files);
    if (skipped > 0) showToast(t('composer.tooMany', { max: MAX_IMAGES }), 'error');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready || busy) return;
    const uploaded = items.filter((item) => item.status === 'done' && item.image);
    const alts: Record<string, string> = {};
    for (const item of uploaded) if (item.image && item.alt.trim()) alts[item.image.id] = item.alt.trim();
    onSubmit({
      title: title.trim(),
      body: body.trim(),
      imageIds: uploaded.map((item) => item.image?.id ?? ''),
      place: place.trim() || null,
      alts,
    });
  };

  return (
    <form className="composer" onSubmit={submit} noValidate>
      <section aria-labelledby="composer-photos" className="composer__photos">
        <h2 id="composer-photos" className="visually-hidden">
          {t('composer.photos')}
        </h2>
        <ul className="composer__thumbs">
          {items.map((item, index) => (
            <ImageThumb
              key={item.key}
              item={item}
              index={index}
              count={items.length}
              onRemove={() => remove(item.key)}
              onMove={(by) => move(item.key, by)}
              onAlt={(alt) => setAlt(item.key, alt)}
            />
          ))}
          <li className="composer__picker">
            <ImagePicker count={items.length} onFiles={pick} />
          </li>
        </ul>
      </section>
      <NoteTextFields title={title} body={body} place={place} onTitle={setTitle} onBody={setBody} onPlace={setPlace} />
      {error ? <InlineAlert testId="composer-error">{errorMessage(t, error)}</InlineAlert> : null}
      <div className="composer__submit">
        <p className="composer__ready muted" aria-live="polite">
          {ready ? '' : t('composer.notReady')}
        </p>
        <Button type="submit" block disabled={!ready || busy} data-testid="composer-publish">
          {busy ? busyLabel : submitLabel}
        </Button>
      </div>
    </form>
  );
}
