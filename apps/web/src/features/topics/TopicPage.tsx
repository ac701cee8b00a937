import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-error';
import { formatCount } from '../../lib/format-count';
import { useDocumentTitle } from '../../lib/use-document-title';
import { EmptyState } from '../../ui/EmptyState';
import { HashIcon } from '../../ui/icons';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { Skeleton } from '../../ui/Skeleton';
import { Tabs } from '../../ui/Tabs';
import { NoteGrid } from '../feed/NoteGrid';
import { TopicGloss } from '../translation/TopicGloss';
import { useTopic, useTopicNotes, type TopicSort } from './topics-queries';
import './topic.css';

const SORTS: readonly TopicSort[] = ['top', 'latest'];

/** /topics/:name — a hashtag's reach and its notes, top or latest. */
export function TopicPage() {
  const { t, i18n } = useTranslation();
  const { name = '' } = useParams();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const [sort, setSort] = useState<TopicSort>('top');
  const topic = useTopic(name);
  const notes = useTopicNotes(name, sort);
  useDocumentTitle(`#${name}`);

  let header;
  if (topic.isPending) {
    header = (
      <div className="topic-header" role="status" aria-busy="true">
        <Skeleton width="50%" height={28} />
        <Skeleton width="70%" height={16} />
      </div>
    );
  } else if (isApiError(topic.error, 'topic_not_found')) {
    return (
      <>
        <PageHeader title={`#${name}`} back />
        <EmptyState level={2} icon={<HashIcon size={28} />} title={t('topic.notFoundTitle')} body={t('topic.notFoundBody', { name })} />
      </>
    );
  } else if (topic.isError) {
    header = <QueryError error={topic.error} onRetry={() => void topic.refetch()} />;
  } else {
    const stats = topic.data;
    header = (
      <div className="topic-header">
        <div className="topic-header__icon" aria-hidden="true">
          <HashIcon size={28} />
        </div>
        <div className="topic-header__text">
          <h1 className="topic-header__name">#{stats.name}</h1>
          <TopicGloss name={stats.name} />
          <p className="topic-header__stats">
            <span data-testid="topic-views">{t('topic.views', { count: stats.views, formatted: formatCount(stats.views, locale) })}</span>
            <span aria-hidden="true"> · </span>
            <span data-testid="topic-discussions">
              {t('topic.discussions', { count: stats.discussions, formatted: formatCount(stats.discussions, locale) })}
            </span>
          </p>
          <p className="topic-header__participants" data-testid="topic-participants">
            {t('topic.participants', { count: stats.participants, formatted: formatCount(stats.participants, locale) })}
          </p>
        </div>
      </div>
    );
  }

  return (
    <>
      <PageHeader title={`#${name}`} titleHidden={topic.isSuccess} back />
      {header}
      <Tabs
        label={t('topic.sortLabel')}
        items={SORTS.map((value) => ({ key: value, label: t(`topic.sort.${value}`), testId: `topic-sort-${value}` }))}
        selected={sort}
        onSelect={(item) => setSort(item.key)}
        controls="topic-panel"
        layout="bar"
      />
      <div id="topic-panel" role="tabpanel" aria-label={t(`topic.sort.${sort}`)}>
        <NoteGrid
          query={notes}
          label={t('topic.gridLabel', { name })}
          empty={<EmptyState level={2} icon={<HashIcon size={28} />} title={t('topic.emptyTitle')} body={t('topic.emptyBody', { name })} />}
        />
      </div>
    </>
  );
}
