import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-error';
import { EmptyState } from '../../ui/EmptyState';
import { LockIcon, SparkIcon } from '../../ui/icons';
import { Tabs } from '../../ui/Tabs';
import { NoteGrid } from '../feed/NoteGrid';
import { useUserNotes, type ProfileTab } from './users-queries';

const TABS: readonly ProfileTab[] = ['notes', 'collects', 'likes'];

interface ProfileTabsProps {
  idPrefix: string;
  handle: string;
  own: boolean;
}

/** Notes / Collects / Likes, as ARIA tabs (arrow keys move between them), each a grid. */
export function ProfileTabs({ idPrefix, handle, own }: ProfileTabsProps) {
  const { t } = useTranslation();
  const [active, setActive] = useState<ProfileTab>('notes');
  return (
    <section className="profile-tabs">
      <Tabs
        label={t('profile.tabsLabel')}
        items={TABS.map((tab) => ({ key: tab, label: t(`profile.tabs.${tab}`), testId: `profile-tab-${tab}`, id: `${idPrefix}-tab-${tab}` }))}
        selected={active}
        onSelect={(item) => setActive(item.key)}
        controls={`${idPrefix}-panel`}
        keyboard="arrows-home-end"
        layout="bar"
        centered
        large
      />
      <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${active}`}>
        <TabGrid key={active} handle={handle} tab={active} own={own} />
      </div>
    </section>
  );
}

function TabGrid({ handle, tab, own }: { handle: string; tab: ProfileTab; own: boolean }) {
  const { t } = useTranslation();
  const query = useUserNotes(handle, tab);
  return (
    <NoteGrid
      query={query}
      label={t(`profile.tabs.${tab}`)}
      renderError={(error) =>
        isApiError(error, 'likes_private') || isApiError(error, 'collects_private') ? (
          <div data-testid="profile-tab-private">
            <EmptyState level={2} icon={<LockIcon size={28} />} title={t('profile.privateTitle')} body={t(`profile.private.${tab}`)} />
          </div>
        ) : undefined
      }
      empty={<EmptyState level={2} icon={<SparkIcon size={28} />} title={t(own ? `profile.empty.${tab}` : `profile.emptyOther.${tab}`)} />}
    />
  );
}
