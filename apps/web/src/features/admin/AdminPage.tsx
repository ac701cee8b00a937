import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';
import { EmptyState } from '../../ui/EmptyState';
import { LockIcon } from '../../ui/icons';
import { PageHeader } from '../../ui/PageHeader';
import { Skeleton } from '../../ui/Skeleton';
import { useMe } from '../profile/me-queries';
import { FeedFairnessSection } from './FeedFairnessSection';
import { ModeratorsSection } from './ModeratorsSection';
import { TranslationStatusSection } from './TranslationStatusSection';
// The admin page is laid out like Settings: the same page, section and heading styles.
import '../settings/settings.css';
import './admin.css';

/**
 * /admin — for the people who run the server. A thin page: each concern is a section of
 * its own, so a new one (feed fairness, moderation) is one more line here.
 */
export function AdminPage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('admin.title'));

  let content;
  if (me.isPending) {
    content = (
      <section className="settings__section">
        <Skeleton width="40%" height={22} />
        <Skeleton height={96} radius={12} />
      </section>
    );
  } else if (me.data?.role !== 'admin') {
    content = <EmptyState icon={<LockIcon size={28} />} title={t('admin.forbiddenTitle')} body={t('admin.forbiddenBody')} />;
  } else {
    content = (
      <>
        <TranslationStatusSection />
        <FeedFairnessSection />
        <ModeratorsSection />
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('admin.title')} back backTo="/settings" />
      <div className="settings">{content}</div>
    </>
  );
}
