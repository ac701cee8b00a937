import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/TextField';
import { CARD_TITLE_CHARS } from '../feed/card-title';
import { BODY_MAX, PLACE_MAX, TITLE_MAX, textLength } from './note-text';

interface NoteTextFieldsProps {
  title: string;
  body: string;
  place: string;
  onTitle: (value: string) => void;
  onBody: (value: string) => void;
  onPlace: (value: string) => void;
}

/** Title, text and place: the same for photo notes and video notes. */
export function NoteTextFields({ title, body, place, onTitle, onBody, onPlace }: NoteTextFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('composer.title')}
        name="title"
        value={title}
        maxLength={TITLE_MAX}
        placeholder={t('composer.titlePlaceholder')}
        onChange={(event) => onTitle(event.target.value)}
        hint={t('composer.titleHint', { count: textLength(title), max: TITLE_MAX, shown: CARD_TITLE_CHARS })}
        data-testid="composer-title"
      />
      <TextField
        multiline
        label={t('composer.body')}
        name="body"
        rows={6}
        value={body}
        maxLength={BODY_MAX}
        placeholder={t('composer.bodyPlaceholder')}
        onChange={(event) => onBody(event.target.value)}
        hint={t('composer.bodyHint', { count: textLength(body), max: BODY_MAX })}
        data-testid="composer-body"
      />
      <TextField
        label={t('composer.place')}
        name="place"
        value={place}
        maxLength={PLACE_MAX}
        placeholder={t('composer.placePlaceholder')}
        onChange={(event) => onPlace(event.target.value)}
        hint={t('composer.placeHint')}
        data-testid="composer-place"
      />
    </>
  );
}
