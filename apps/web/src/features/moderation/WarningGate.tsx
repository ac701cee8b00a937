import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { labelList } from './label-names';
import { revealItem, useWarningGate, type WarnedKind } from './revealed-warnings';
import './content-warnings.css';

interface WarningGateProps {
  kind: WarnedKind;
  id: string;
  warnings: readonly string[] | undefined;
  children: ReactNode;
}

/**
 * A note's media and text, or a profile's bio and notes, collapsed behind
 * "This note may show …" until the reader taps Show. A comment's text gets the
 * same in one quiet line (see InlineWarning).
 */
export function WarningGate({ kind, id, warnings, children }: WarningGateProps) {
  const { t, i18n } = useTranslation();
  const gated = useWarningGate(kind, id, warnings);
  if (!gated || !warnings) return <>{children}</>;
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return (
    <section className="warning-gate" data-testid="warning-gate" aria-label={t('warnings.label')}>
      <p className="warning-gate__text">{t(`warnings.${kind}`, { labels: labelList(t, warnings, locale) })}</p>
      <p className="muted warning-gate__hint">{t('warnings.hint')}</p>
      <Button variant="secondary" size="small" onClick={() => revealItem(kind, id)} data-testid="warning-show">
        {t('warnings.show')}
      </Button>
    </section>
  );
}

/** A comment's text behind its warning: one line with Show, in the comment's own place. */
export function InlineWarning({ id, warnings }: { id: string; warnings: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return (
    <p className="warning-inline" data-testid="comment-warning">
      <span>{t('warnings.comment', { labels: labelList(t, warnings, locale) })}</span>
      <button type="button" className="warning-inline__show" onClick={() => revealItem('comment', id)} data-testid="warning-show">
        {t('warnings.show')}
      </button>
    </p>
  );
}

/** A swipe-feed video behind its warning: the screen stays dark with the warning and Show. */
export function VideoWarning({ id, warnings }: { id: string; warnings: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return (
    <div className="warning-video" data-testid="video-warning">
      <p className="warning-gate__text">{t('warnings.note', { labels: labelList(t, warnings, locale) })}</p>
      <p className="warning-video__hint">{t('warnings.hint')}</p>
      <button type="button" className="warning-cover__show" onClick={() => revealItem('note', id)} data-testid="warning-show">
        {t('warnings.show')}
      </button>
    </div>
  );
}
