import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { InlineAlert } from '../../ui/InlineAlert';
import { Sheet } from '../../ui/Sheet';
import { showToast } from '../../ui/toast-store';
import type { NoteView } from '../notes/note-types';
import { useSetNoteLanguage } from './note-language-queries';
import { CONTENT_LANGUAGES, baseLanguage, languageName, nativeLanguageName } from './translation-rules';
import './note-language-sheet.css';

interface NoteLanguageSheetProps {
  note: NoteView;
  open: boolean;
  onClose: () => void;
}

/** The author's picker for a note's language: detection, or one language chosen by hand. */
export function NoteLanguageSheet({ note, open, onClose }: NoteLanguageSheetProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const save = useSetNoteLanguage(note.id);
  const current = note.language ? baseLanguage(note.language) : null;
  const byAuthor = note.languageSource === 'author';
  const selected = byAuthor ? current : 'auto';
  const options = current && !(CONTENT_LANGUAGES as readonly string[]).includes(current) ? [...CONTENT_LANGUAGES, current] : CONTENT_LANGUAGES;

  const choose = (language: string | null) => {
    save.mutate(language, {
      onSuccess: () => {
        onClose();
        showToast(t('translation.languageSaved'));
      },
    });
  };

  return (
    <Sheet open={open} onClose={onClose} title={t('translation.pickerTitle')} testId="note-language-sheet">
      <p className="muted note-language__hint">{t('translation.pickerHint')}</p>
      {current ? (
        <p className="note-language__current" data-testid="note-language-current">
          {t(byAuthor ? 'translation.currentAuthor' : 'translation.currentDetected', { language: languageName(current, locale) })}
        </p>
      ) : null}
      {save.isError ? <InlineAlert>{errorMessage(t, save.error)}</InlineAlert> : null}
      <ul className="note-language__list">
        <li>
          <button
            type="button"
            className="note-language__option"
            aria-pressed={selected === 'auto'}
            disabled={save.isPending}
            onClick={() => choose(null)}
            data-testid="note-language-auto"
          >
            {t('translation.detectAutomatically')}
          </button>
        </li>
        {options.map((code) => (
          <li key={code}>
            <button
              type="button"
              className="note-language__option"
              aria-pressed={selected === code}
              disabled={save.isPending}
              onClick={() => choose(code)}
              data-testid="note-language-option"
              data-language={code}
            >
              <span lang={code}>{nativeLanguageName(code)}</span>
              <span className="muted note-language__local">{languageName(code, locale)}</span>
            </button>
          </li>
        ))}
      </ul>
    </Sheet>
  );
}
