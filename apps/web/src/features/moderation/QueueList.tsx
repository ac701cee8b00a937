import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format-count';
import { formatDateTime } from '../../lib/format-date';
import { Badge } from '../../ui/Badge';
import { EmptyState } from '../../ui/EmptyState';
import { InboxIcon } from '../../ui/icons';
import { LoadMoreFooter } from '../../ui/LoadMoreFooter';
import { QueryError } from '../../ui/QueryError';
import { Skeleton } from '../../ui/Skeleton';
import { CategoryChips } from './CategoryChips';
import { useModerationQueue } from './moderation-queries';
import type { QueueItem, QueueKind } from './moderation-types';

/** One queue, in the server's order: the most severe, most reported, fastest-spreading first. */
export function QueueList({ kind }: { kind: QueueKind }) {
  const { t } = useTranslation();
  const queue = useModerationQueue(kind);
  if (queue.isPending) {
    return (
      <div className="console__list">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} height={120} radius={12} />
        ))}
      </div>
    );
  }
  if (queue.isError) return <QueryError error={queue.error} onRetry={() => void queue.refetch()} />;
  const items = queue.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <EmptyState icon={<InboxIcon size={28} />} title={t(`moderation.empty.${kind}`)} body={t('moderation.emptyBody')} />;
  return (
    <>
      <ol className="console__list" data-testid="queue">
        {items.map((item, index) => (
          <QueueRow key={item.id} item={item} rank={index + 1} />
        ))}
      </ol>
      <LoadMoreFooter pager={queue} className="grid-footer" />
    </>
  );
}

function QueueRow({ item, rank }: { item: QueueItem; rank: number }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const author = item.preview.author;
  const title = item.preview.title || item.preview.text || t('moderation.untitled');
  return (
    <li className="queue-item" data-testid="queue-item" data-case-id={item.id} data-subject-id={item.subject.id}>
      <Link to={`/moderation/cases/${item.id}`} className="queue-item__link">
        <div className="queue-item__head">
          <span className="queue-item__rank">
            <span aria-hidden="true">{rank}</span>
            <span className="visually-hidden">{t('moderation.rank', { rank })}</span>
          </span>
          <Badge tone="info">{t(`moderation.subject.${item.subject.type}`)}</Badge>
          <Badge tone={item.severity >= 70 ? 'danger' : 'neutral'}>{t('moderation.severity', { severity: item.severity })}</Badge>
          {item.claimedBy ? (
            <Badge tone="neutral" testId="queue-claimed">
              {t('moderation.claimedBy', { name: item.claimedBy.displayName || item.claimedBy.handle })}
            </Badge>
          ) : null}
        </div>
        <p className="queue-item__title" lang={item.preview.language ?? undefined}>
          {title}
        </p>
        {item.preview.title && item.preview.text ? (
          <p className="queue-item__text muted" lang={item.preview.language ?? undefined}>
            {item.preview.text}
          </p>
        ) : null}
        <CategoryChips categories={item.categories} />
        <p className="queue-item__meta muted">
          {[
            author ? `@${author.handle}` : null,
            t('moderation.reportCount', { count: item.reportCount }),
            t('moderation.views24h', { views: formatCount(item.views24h, locale) }),
            formatDateTime(item.openedAt, locale),
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </Link>
    </li>
  );
}
