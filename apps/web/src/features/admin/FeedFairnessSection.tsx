import { useTranslation } from 'react-i18next';
import { QueryError } from '../../ui/QueryError';
import { Skeleton } from '../../ui/Skeleton';
import { useFeedFairness } from './fairness-admin-queries';
import './feed-fairness.css';
import { AdminSection } from './AdminSection';

/** Is reach earned or inherited? The last day's exposure across creators and new notes' stages. */
export function FeedFairnessSection() {
  const { t, i18n } = useTranslation();
  const fairness = useFeedFairness();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  let body;
  if (fairness.isPending) {
    body = <Skeleton height={96} radius={12} />;
  } else if (fairness.isError) {
    body = <QueryError error={fairness.error} onRetry={() => void fairness.refetch()} />;
  } else {
    const data = fairness.data;
    const figures = [
      { key: 'impressions', value: number.format(data.impressions) },
      { key: 'creators', value: number.format(data.creators) },
      { key: 'shareUnder1k', value: percent.format(data.shareUnder1kFollowers) },
      { key: 'gini', value: decimal.format(data.impressionGini) },
      { key: 'newNotes', value: number.format(data.newNotes) },
    ] as const;
    body = (
      <>
        <p className="muted admin__meta">{t('recommendations.fairness.window')}</p>
        <dl className="admin__figures">
          {figures.map((figure) => (
            <div key={figure.key} className="admin__figure" data-testid={`fairness-${figure.key}`}>
              <dt className="muted">{t(`recommendations.fairness.${figure.key}`)}</dt>
              <dd>{figure.value}</dd>
            </div>
          ))}
        </dl>
        <p className="muted admin__meta">{t('recommendations.fairness.giniHint')}</p>
        <h3 className="admin__subheading">{t('recommendations.fairness.stageReach')}</h3>
        {data.newNotes === 0 ? (
          <p className="muted">{t('recommendations.fairness.noNewNotes')}</p>
        ) : (
          <ol className="admin__stages">
            {data.stageReach.map((row) => (
              <li key={row.stage} className="admin__stage" data-testid="fairness-stage">
                <span className="admin__stage-label">{t('recommendations.fairness.stage', { stage: row.stage })}</span>
                <span className="admin__bar" aria-hidden="true">
                  <span className="admin__bar-fill" style={{ width: `${Math.round(row.share * 100)}%` }} />
                </span>
                <span className="admin__stage-value">
                  {t('recommendations.fairness.stageValue', { share: percent.format(row.share), notes: number.format(row.notes) })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </>
    );
  }

  return (
    <AdminSection id="admin-fairness" heading={t('recommendations.fairness.heading')}>
      {body}
    </AdminSection>
  );
}
