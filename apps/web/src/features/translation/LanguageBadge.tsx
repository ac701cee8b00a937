import { useTranslation } from 'react-i18next';
import { useMe } from '../profile/me-queries';
import { languageName, shouldLabelLanguage } from './translation-rules';
import './translation.css';

/**
 * A card's language, shown only when the viewer does not read it: the feed mixes
 * languages on purpose, and the label says what a tap will lead to.
 */
export function LanguageBadge({ language, className }: { language: string | null | undefined; className?: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const me = useMe().data;
  if (!language || !shouldLabelLanguage(language, me?.readLanguages ?? [], locale)) return null;
  return (
    <span
      className={['language-badge', className].filter(Boolean).join(' ')}
      title={t('translation.writtenIn', { language: languageName(language, locale) })}
      data-testid="language-badge"
    >
      <span aria-hidden="true">{languageName(language, locale, 'short')}</span>
      <span className="visually-hidden">{t('translation.writtenIn', { language: languageName(language, locale) })}</span>
    </span>
  );
}
