import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { formatDate, formatDateTime } from '../../lib/format-date';
import { Button, buttonClass } from '../../ui/Button';
import { InlineAlert } from '../../ui/InlineAlert';
import { QueryError } from '../../ui/QueryError';
import { Skeleton } from '../../ui/Skeleton';
import { useDataExport, useStartExport } from './privacy-rights-queries';
import './privacy-rights.css';

/** "Download my data": start an export, watch its progress, download the zip by its link. */
export function DataExportSection() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const current = useDataExport();
  const start = useStartExport();
  const data = current.data;
  const running = data?.state === 'queued' || data?.state === 'building';
  const mayStart = !data || Date.parse(data.nextAllowedAt) <= Date.now();

  return (
    <section className="settings__section" aria-labelledby="settings-export" data-testid="data-export">
      <h2 id="settings-export" className="settings__heading">
        {t('privacyRights.export.title')}
      </h2>
      <p className="muted">{t('privacyRights.export.hint')}</p>
      {current.isPending ? <Skeleton height={40} radius={12} /> : null}
      {current.isError ? <QueryError error={current.error} onRetry={() => void current.refetch()} /> : null}
      {running ? (
        <div className="privacy-rights__progress">
          <progress max={100} value={data.progress} aria-label={t('privacyRights.export.progressLabel')} data-testid="export-progress" />
          <span className="muted">{t('privacyRights.export.building', { progress: data.progress })}</span>
        </div>
      ) : null}
      {data?.state === 'ready' && data.downloadUrl ? (
        <div className="privacy-rights__ready">
          <a className={buttonClass('primary', 'normal', true)} href={data.downloadUrl} download data-testid="export-download">
            {t('privacyRights.export.download')}
          </a>
          <span className="muted">{t('privacyRights.export.expires', { date: formatDateTime(data.expiresAt, locale) })}</span>
        </div>
      ) : null}
      {data?.state === 'ready' && !data.downloadUrl ? <p className="muted">{t('privacyRights.export.expired')}</p> : null}
      {data?.state === 'failed' ? <InlineAlert>{t('privacyRights.export.failed')}</InlineAlert> : null}
      {start.isError ? <InlineAlert>{errorMessage(t, start.error)}</InlineAlert> : null}
      {running ? null : mayStart ? (
        <Button variant="secondary" block disabled={start.isPending || current.isPending} onClick={() => start.mutate()} data-testid="export-start">
          {start.isPending ? t('privacyRights.export.starting') : t('privacyRights.export.start')}
        </Button>
      ) : (
        <p className="muted">{t('privacyRights.export.nextAllowed', { date: formatDate(data.nextAllowedAt, locale) })}</p>
      )}
    </section>
  );
}
