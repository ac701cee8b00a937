import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../lib/countries';
import { formatDate, formatDateTime } from '../../lib/format-date';
import { Badge } from '../../ui/Badge';
import { ruleText } from '../reports/statement-format';
import { labelTitle } from './label-names';
import type { CaseDetail } from './moderation-types';
import { rulebookNames } from './rulebook-names';
import { StaffPhoneReveal } from '../privacy/StaffPhoneReveal';

// The context around a case's item: who reported it and why, who wrote it and their
// record, and what moderators did before.

export function CaseReports({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  if (detail.reports.length === 0) return null;
  return (
    <section className="case-card" aria-labelledby="case-reports-heading">
      <h2 id="case-reports-heading" className="case-card__title">
        {t('moderation.reportsHeading', { count: detail.reportCount })}
      </h2>
      <ul className="case-list" data-testid="case-reports">
        {detail.reports.map((report) => (
          <li key={report.id} className="case-list__item">
            <p>
              <strong>
                {report.category === 'illegal' && report.country
                  ? t('safety.illegalIn', { country: countryName(report.country, locale) })
                  : labelTitle(t, report.category, locale)}
              </strong>
              {report.rulebook ? <span className="muted"> · {rulebookNames(t, [report.rulebook], locale)[0]}</span> : null}
            </p>
            {report.details ? <p className="case-list__details">{report.details}</p> : null}
            <p className="muted case-list__meta">
              {report.reporter ? <Link to={`/u/${report.reporter.handle}`}>@{report.reporter.handle}</Link> : t('moderation.reporterGone')}
              {' · '}
              {formatDateTime(report.createdAt, locale)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CaseAuthor({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const author = detail.author;
  if (!author) return null;
  const days = Math.max(0, Math.floor((Date.now() - Date.parse(author.createdAt)) / 86_400_000));
  return (
    <section className="case-card" aria-labelledby="case-author-heading" data-testid="case-author">
      <h2 id="case-author-heading" className="case-card__title">
        {t('moderation.authorHeading')}
      </h2>
      <p>
        <Link to={`/u/${author.handle}`} className="case-author__name">
          {author.displayName || author.handle}
        </Link>{' '}
        <span className="muted">@{author.handle}</span>
      </p>
      <dl className="case-facts">
        <div>
          <dt>{t('moderation.accountAge')}</dt>
          <dd>{t('moderation.accountAgeValue', { count: days, date: formatDate(author.createdAt, locale) })}</dd>
        </div>
        <div>
          <dt>{t('moderation.accountStatus')}</dt>
          <dd>
            <Badge tone={author.status === 'active' ? 'neutral' : 'danger'}>{t(`moderation.status.${author.status}`, { defaultValue: author.status })}</Badge>
            {author.suspendedUntil ? ` ${t('moderation.until', { date: formatDateTime(author.suspendedUntil, locale) })}` : null}
          </dd>
        </div>
        <div>
          <dt>{t('moderation.strikes')}</dt>
          <dd data-testid="case-strikes">{author.strikes}</dd>
        </div>
        <div>
          <dt>{t('moderation.notesCount')}</dt>
          <dd>{author.notes}</dd>
        </div>
        <div>
          <dt>{t('moderation.region')}</dt>
          <dd>{author.region ? countryName(author.region, locale) : '—'}</dd>
        </div>
        <div>
          <dt>{t('privacy.reveal.label')}</dt>
          <dd>
            <StaffPhoneReveal userId={author.id} />
          </dd>
        </div>
      </dl>
    </section>
  );
}

export function CaseHistory({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return (
    <section className="case-card" aria-labelledby="case-history-heading">
      <h2 id="case-history-heading" className="case-card__title">
        {t('moderation.historyHeading')}
      </h2>
      {detail.history.length === 0 ? (
        <p className="muted">{t('moderation.historyEmpty')}</p>
      ) : (
        <ul className="case-list" data-testid="case-history">
          {detail.history.map((action) => (
            <li key={action.id} className="case-list__item">
              <p>
                <strong>{t(`moderation.action.${action.action}`, { defaultValue: action.action })}</strong>
                {action.label ? ` · ${labelTitle(t, action.label, locale)}` : null}
                {action.rulebooks ? ` · ${rulebookNames(t, action.rulebooks, locale).join(', ')}` : null}
                {action.subject.id !== detail.subject.id || action.subject.type !== detail.subject.type ? (
                  <span className="muted"> · {t('moderation.otherItem', { type: t(`moderation.subject.${action.subject.type}`) })}</span>
                ) : null}
              </p>
              <p className="case-list__details">{action.reason}</p>
              <p className="muted case-list__meta">
                {ruleText(t, action.rule, locale)}
                {' · '}
                {action.automated ? t('moderation.automated') : action.moderator ? `@${action.moderator.handle}` : ''}
                {' · '}
                {formatDateTime(action.createdAt, locale)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
