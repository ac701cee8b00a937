import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';
import { PageHeader } from '../../ui/PageHeader';
import { Tabs } from '../../ui/Tabs';
import { AppealsList } from './AppealsList';
import { ModeratorOnly } from './ModeratorOnly';
import { QueueList } from './QueueList';
import './moderation.css';

const TABS = ['reports', 'held', 'appeals'] as const;
export type ConsoleTab = (typeof TABS)[number];

export function consoleTab(value: string | null): ConsoleTab {
  return (TABS as readonly string[]).includes(value ?? '') ? (value as ConsoleTab) : 'reports';
}

/** /moderation — the moderator console: reported items, held items, appeals. */
export function ModerationPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = consoleTab(params.get('tab'));
  useDocumentTitle(t('moderation.title'));
  return (
    <>
      <PageHeader title={t('moderation.title')} back backTo="/me" />
      <ModeratorOnly>
        <Tabs
          label={t('moderation.tabsLabel')}
          items={TABS.map((key) => ({ key, label: t(`moderation.tabs.${key}`), testId: `console-tab-${key}`, id: `console-tab-${key}` }))}
          selected={tab}
          onSelect={(item) => setParams(item.key === 'reports' ? {} : { tab: item.key }, { replace: true })}
          controls="console-panel"
          keyboard="arrows"
          layout="bar"
        />
        <div id="console-panel" role="tabpanel" aria-labelledby={`console-tab-${tab}`} className="console__panel">
          {tab === 'appeals' ? <AppealsList /> : <QueueList key={tab} kind={tab} />}
        </div>
      </ModeratorOnly>
    </>
  );
}
