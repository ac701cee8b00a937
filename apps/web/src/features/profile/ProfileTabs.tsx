import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';
import { SparkIcon } from '../../ui/icons';

const TABS = ['notes', 'collects', 'likes'] as const;
type Tab = (typeof TABS)[number];

/** Notes / Collects / Likes, as ARIA tabs (arrow keys move between them). */
export function ProfileTabs({ idPrefix }: { idPrefix: string }) {
  const { t } = useTranslation();
  const [active, setActive] = useState<Tab>('notes');
  const refs = useRef<Record<Tab, HTMLButtonElement | null>>({ notes: null, collects: null, likes: null });

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
            onClick={() => setActive(tab)}
          >
            {t(`profile.tabs.${tab}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${active}`} tabIndex={0}>
        <EmptyState level={2} icon={<SparkIcon size={28} />} title={t('profile.empty.title')} body={t(`profile.empty.${active}`)} />
      </div>
    </section>
  );
}
