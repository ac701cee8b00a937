import { useTranslation } from 'react-i18next';
import { Tabs } from '../../ui/Tabs';
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

const exploreTab = (tab: FeedTab, label: string, testId: string, topic?: string) => ({
  key: `${tab}:${topic ?? ''}`,
  tab,
  topic,
  label,
  testId,
  data: { 'data-topic': topic },
});

/** For you, Following, then the trending topics: a horizontally scrolling ARIA tab strip. */
export function ExploreTabs({ value, onSelect, onReselect }: ExploreTabsProps) {
  const { t } = useTranslation();
  const trending = useTrendingTopics(8);
  const tabs = [
    exploreTab('foryou', t('explore.forYou'), 'explore-tab-foryou'),
    exploreTab('following', t('explore.following'), 'explore-tab-following'),
    ...(trending.data ?? []).slice(0, 6).map((topic) => exploreTab('topic', `#${topic.name}`, 'explore-tab-topic', topic.name)),
  ];
  // A topic opened from a link but not trending (any more) still gets its tab.
  if (value.tab === 'topic' && value.topic && !tabs.some((tab) => sameTab(tab, value))) {
    tabs.push(exploreTab('topic', `#${value.topic}`, 'explore-tab-topic', value.topic));
  }

  return (
    <Tabs
      label={t('explore.tabsLabel')}
      items={tabs}
      selected={tabs.find((tab) => sameTab(tab, value))?.key ?? ''}
      onSelect={(tab) => onSelect({ tab: tab.tab, topic: tab.topic })}
      onReselect={onReselect}
      controls="explore-panel"
      keyboard="arrows"
      large
    />
  );
}
