import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-error';
import { formatDateTime } from '../../lib/format-date';
import { formatInternational } from '../../lib/phone';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Button } from '../../ui/Button';
import { ButtonLink } from '../../ui/ButtonLink';
import { EmptyState } from '../../ui/EmptyState';
import { InboxIcon } from '../../ui/icons';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { Skeleton } from '../../ui/Skeleton';
import { useDevSms } from './dev-sms-queries';
import './dev-sms.css';

/** /dev/sms — the codes a development server would have texted, for local sign-in. */
export function DevSmsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const messages = useDevSms();
  useDocumentTitle(t('devSms.title'));

  let body;
  if (messages.isPending) {
    body = (
      <ul className="dev-sms__list" aria-busy="true">
        {[0, 1, 2].map((i) => (
          <li key={i} className="dev-sms__item">
            <Skeleton width="50%" />
            <Skeleton width="30%" height={28} />
          </li>
        ))}
      </ul>
    );
  } else if (isApiError(messages.error) && messages.error.status === 404) {
    body = <EmptyState icon={<InboxIcon size={28} />} title={t('devSms.unavailable')} />;
  } else if (messages.isError) {
    body = <QueryError error={messages.error} onRetry={() => void messages.refetch()} />;
  } else if (messages.data.length === 0) {
    body = <EmptyState icon={<InboxIcon size={28} />} title={t('devSms.empty')} />;
  } else {
    body = (
      <ul className="dev-sms__list" data-testid="dev-sms-list">
        {messages.data.map((message) => (
          <li key={`${message.sentAt}-${message.to}-${message.code}`} className="dev-sms__item" data-testid="dev-sms-message">
            <p className="dev-sms__meta">
              <span>{t('devSms.to', { phone: formatInternational(message.to) })}</span>
              <time dateTime={message.sentAt}>{t('devSms.sentAt', { date: formatDateTime(message.sentAt, locale) })}</time>
            </p>
            <p className="dev-sms__code">
              <span className="visually-hidden">{t('devSms.codeLabel')} </span>
              <span data-testid="dev-sms-code">{message.code}</span>
            </p>
            <p className="dev-sms__body">{message.body}</p>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <>
      <PageHeader title={t('devSms.title')} back backTo="/login" />
      <div className="dev-sms">
        <p className="muted">{t('devSms.intro')}</p>
        <div className="dev-sms__actions">
          <ButtonLink to="/login" size="small" variant="primary">
            {t('devSms.backToSignIn')}
          </ButtonLink>
          <Button size="small" variant="secondary" onClick={() => void messages.refetch()}>
            {t('devSms.refresh')}
          </Button>
        </div>
        {body}
      </div>
    </>
  );
}
