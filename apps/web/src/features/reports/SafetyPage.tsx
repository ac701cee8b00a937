import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ButtonLink } from '../../ui/ButtonLink';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { Skeleton } from '../../ui/Skeleton';
import { Tabs } from '../../ui/Tabs';
import { useMe } from '../profile/me-queries';
import { MyReportsList } from './MyReportsList';
import { StatementsList } from './StatementsList';
import './safety.css';

const TABS = ['reports', 'decisions'] as const;
type SafetyTab = (typeof TABS)[number];

/** /me/safety — what I reported and what became of it; decisions about me and my appeals. */
export function SafetyPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab: SafetyTab = params.get('tab') === 'decisions' ? 'decisions' : 'reports';
  useDocumentTitle(t('safety.title'));

  let body;
  if (me.isPending) body = <Skeleton height={96} radius={12} />;
  else if (!me.data) {
    body = (
      <EmptyState title={t('safety.signInTitle')} body={t('safety.signInBody')}>
        <ButtonLink to="/me" variant="primary">
          {t('auth.signInButton')}
        </ButtonLink>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <Tabs
          label={t('safety.title')}
          items={TABS.map((key) => ({ key, label: t(`safety.tabs.${key}`), testId: `safety-tab-${key}`, id: `safety-tab-${key}` }))}
          selected={tab}
          onSelect={(item) => setParams(item.key === 'reports' ? {} : { tab: item.key }, { replace: true })}
          controls="safety-panel"
          keyboard="arrows"
          layout="bar"
        />
        <div id="safety-panel" role="tabpanel" aria-labelledby={`safety-tab-${tab}`} className="safety__panel">
          {tab === 'reports' ? <MyReportsList /> : <StatementsList />}
        </div>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('safety.title')} back backTo="/me" />
      <div className="safety">{body}</div>
    </>
  );
}
