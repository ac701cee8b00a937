import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-error';
import { EmptyState } from '../../ui/EmptyState';
import { LockIcon, SparkIcon } from '../../ui/icons';
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
  const refs = useRef<Record<ProfileTab, HTMLButtonElement | null>>({ notes: null, collects: null, likes: null });

  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.indexOf(active);
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: TABS.length - 1 - index };
    const delta = moves[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    const next = TABS[(index + delta + TABS.length) % TABS.length] ?? 'notes';
    setActive(next);
    refs.current[next]?.focus();
  };

  return (
    <section className="profile-tabs">
      <div role="tablist" aria-label={t('profile.tabsLabel')} className="profile-tabs__list" onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab}
            ref={(el) => {
              refs.current[tab] = el;
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab}`}
            aria-selected={active === tab}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={active === tab ? 0 : -1}
            className="profile-tabs__tab"
            data-testid={`profile-tab-${tab}`}
            onClick={() => setActive(tab)}
          >
            {t(`profile.tabs.${tab}`)}
          </button>
        ))}
      </div>
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
      empty={
        <EmptyState
          level={2}
          icon={<SparkIcon size={28} />}
          title={t(own ? `profile.empty.${tab}` : `profile.emptyOther.${tab}`)}
        />
      }
    />
  );
}
