import { useTranslation } from 'react-i18next';
import { blurhashToDataUrl } from '../../lib/blurhash-url';
import type { ImageView } from '../notes/note-types';
import { labelList } from './label-names';
import { revealItem } from './revealed-warnings';
import './content-warnings.css';

interface WarningCoverProps {
  warnings: readonly string[];
  cover: ImageView | null;
  /** Height over width, as the card's cover box. */
  ratio: number;
}

/**
 * A card's cover behind its warning: only the blurred preview (the photo itself is not
 * even loaded) under "This note may show …" and a Show button.
 */
export function WarningCover({ warnings, cover, ratio }: WarningCoverProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const preview = cover ? blurhashToDataUrl(cover.placeholder) : null;
  return (
    <div
      className="warning-cover"
      data-testid="warning-cover"
      style={{
        paddingBottom: `${ratio * 100}%`,
        backgroundColor: cover?.color || undefined,
        backgroundImage: preview ? `url(${preview})` : undefined,
      }}
    >
      <div className="warning-cover__panel">
        <p className="warning-cover__text">{t('warnings.note', { labels: labelList(t, warnings, locale) })}</p>
      </div>
    </div>
  );
}

/** The Show button of a card's warning; outside the card's link so it is its own control. */
export function WarningShowButton({ noteId, ratio }: { noteId: string; ratio: number }) {
  const { t } = useTranslation();
  return (
    <div className="warning-cover__action" style={{ aspectRatio: `1 / ${ratio}` }}>
      <button type="button" className="warning-cover__show" data-testid="warning-show" onClick={() => revealItem('note', noteId)}>
        {t('warnings.show')}
      </button>
    </div>
  );
}
