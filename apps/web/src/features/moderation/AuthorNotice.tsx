import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AuthorModeration } from '../notes/note-types';
import { summarizeModeration } from './author-notice';
import { joinNames, labelTitle } from './label-names';
import { rulebookNames } from './rulebook-names';
import './author-notice.css';

/** On the author's own note: what moderation did to it, where, and why (with the statement and a way to appeal). */
export function AuthorNotice({ moderation }: { moderation: AuthorModeration }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const summary = summarizeModeration(moderation);
  if (summary.empty && !moderation.statementId) return null;
  const severe = summary.state !== null || summary.outcomes.some((group) => group.outcome === 'hidden');
  const where = (books: string[] | null) => (books ? joinNames(rulebookNames(t, books, locale), locale) : t('rulebooks.everywhere'));
  return (
    <section className={severe ? 'author-notice author-notice--severe' : 'author-notice'} data-testid="author-notice" aria-labelledby="author-notice-title">
      <h2 id="author-notice-title" className="author-notice__title">
        {summary.state ? t(`authorNotice.state.${summary.state}`) : t('authorNotice.title')}
      </h2>
      <ul className="author-notice__lines">
        {summary.state ? <li>{t(`authorNotice.stateHint.${summary.state}`)}</li> : null}
        {summary.limited ? <li data-testid="author-notice-limited">{t('authorNotice.limited')}</li> : null}
        {summary.outcomes.map((group) => (
          <li key={group.outcome} data-testid={`author-notice-${group.outcome}`}>
            {t(`authorNotice.outcome.${group.outcome}`, { rulebooks: where(group.rulebooks) })}
          </li>
        ))}
      </ul>
      {moderation.labels.length > 0 ? (
        <ul className="author-notice__labels" aria-label={t('authorNotice.labelsLabel')}>
          {moderation.labels.map((label) => (
            <li key={`${label.label}-${label.createdAt}`} className="author-notice__label">
              <strong>{labelTitle(t, label.label, locale)}</strong>
              <span className="muted">{where(label.rulebooks)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {moderation.statementId ? (
        <Link to={`/me/safety/statements/${moderation.statementId}`} className="author-notice__link" data-testid="author-notice-statement">
          {t('authorNotice.statementLink')}
        </Link>
      ) : null}
    </section>
  );
}
