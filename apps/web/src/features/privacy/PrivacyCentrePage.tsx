import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format-date';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ButtonLink } from '../../ui/ButtonLink';
import { EmptyState } from '../../ui/EmptyState';
import { LoadMoreFooter } from '../../ui/LoadMoreFooter';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { Skeleton } from '../../ui/Skeleton';
import { useMe } from '../profile/me-queries';
import { useStaffAccess } from './privacy-queries';
import './privacy.css';

/** /me/privacy — what protects my data, and every time staff looked at it and why. */
export function PrivacyCentrePage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('privacy.title'));
  let body;
  if (me.isPending) body = <Skeleton height={96} radius={12} />;
  else if (!me.data) {
    body = (
      <EmptyState title={t('privacy.signInTitle')} body={t('privacy.signInBody')}>
        <ButtonLink to="/me" variant="primary">
          {t('auth.signInButton')}
        </ButtonLink>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <section className="privacy__section" aria-labelledby="privacy-protection">
          <h2 id="privacy-protection" className="privacy__heading">
            {t('privacy.protectionHeading')}
          </h2>
          <p className="muted">{t('privacy.protectionBody')}</p>
        </section>
        <section className="privacy__section" aria-labelledby="privacy-staff">
          <h2 id="privacy-staff" className="privacy__heading">
            {t('privacy.staffHeading')}
          </h2>
          <p className="muted">{t('privacy.staffIntro')}</p>
          <StaffAccessList />
        </section>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('privacy.title')} back backTo="/settings" />
      <div className="privacy">{body}</div>
    </>
  );
}

function StaffAccessList() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const accesses = useStaffAccess();
  if (accesses.isPending) return <Skeleton height={64} radius={12} />;
  if (accesses.isError) return <QueryError error={accesses.error} onRetry={() => void accesses.refetch()} />;
  const items = accesses.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <p data-testid="staff-access-empty">{t('privacy.staffEmpty')}</p>;
  return (
    <>
      <ul className="privacy__list" data-testid="staff-access">
        {items.map((access) => (
          <li key={access.id} className="privacy__item" data-testid="staff-access-item">
            {t(`privacy.access.${access.kind}`, { date: formatDate(access.createdAt, locale), reason: access.reason })}
          </li>
        ))}
      </ul>
      <LoadMoreFooter pager={accesses} className="grid-footer" />
    </>
  );
}
