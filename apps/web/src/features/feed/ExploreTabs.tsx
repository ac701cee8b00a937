import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTrendingTopics } from '../topics/topics-queries';
import type { FeedTab } from './feed-queries';

export interface ExploreSelection {
  tab: FeedTab;
  topic?: string | undefined;
}

interface ExploreTabsProps {
  value: ExploreSelection;
  onSelect: (next: ExploreSelection) => void;
  /** The active tab tapped again: refresh it. */
  onReselect: () => void;
}

const sameTab = (a: ExploreSelection, b: ExploreSelection) => a.tab === b.tab && (a.tab !== 'topic' || a.topic === b.topic);

/** For you, Following, then the trending topics: a horizontally scrolling ARIA tab strip. */
export function ExploreTabs({ value, onSelect, onReselect }: ExploreTabsProps) {
  const { t } = useTranslation();
  const trending = useTrendingTopics(8);
  const listRef = useRef<HTMLDivElement>(null);
  const tabs: (ExploreSelection & { label: string; testId: string })[] = [
    { tab: 'foryou', label: t('explore.forYou'), testId: 'explore-tab-foryou' },
    { tab: 'following', label: t('explore.following'), testId: 'explore-tab-following' },
    ...(trending.data ?? []).slice(0, 6).map((topic) => ({ tab: 'topic' as const, topic: topic.name, label: `#${topic.name}`, testId: 'explore-tab-topic' })),
  ];
  // A topic opened from a link but not trending (any more) still gets its tab.
  if (value.tab === 'topic' && value.topic && !tabs.some((tab) => sameTab(tab, value))) {
    tabs.push({ tab: 'topic', topic: value.topic, label: `#${value.topic}`, testId: 'explore-tab-topic' });
  }
  const activeIndex = Math.max(0, tabs.findIndex((tab) => sameTab(tab, value)));

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };
    const delta = moves[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    const next = tabs[(activeIndex + delta + tabs.length) % tabs.length];
    if (!next) return;
    onSelect({ tab: next.tab, topic: next.topic });
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]');
    buttons?.[(activeIndex + delta + tabs.length) % tabs.length]?.focus();
  };

  return (
    <div ref={listRef} role="tablist" aria-label={t('explore.tabsLabel')} className="explore-tabs" onKeyDown={onKeyDown}>
      {tabs.map((tab, index) => {
        const selected = index === activeIndex;
        return (
          <button
            key={`${tab.tab}:${tab.topic ?? ''}`}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls="explore-panel"
            tabIndex={selected ? 0 : -1}
            className="explore-tabs__tab"
            data-testid={tab.testId}
            data-topic={tab.topic}
            onClick={() => (selected ? onReselect() : onSelect({ tab: tab.tab, topic: tab.topic }))}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
