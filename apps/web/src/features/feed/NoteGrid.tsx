import type { ReactNode } from 'react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../ui/QueryError';
import { Skeleton } from '../../ui/Skeleton';
import { useLoadMore } from '../../ui/use-load-more';
import type { NoteCard, Page } from '../notes/note-types';
import { useDismissedNotes } from '../recommendations/dismissed-notes';
import { GridSkeleton } from './GridSkeleton';
import { MasonryGrid } from './MasonryGrid';

interface NoteGridProps {
  query: UseInfiniteQueryResult<InfiniteData<Page<NoteCard>>>;
  empty: ReactNode;
  label: string;
  /** Replaces the generic error (e.g. a sign-in prompt on a 401, a lock on a 403). */
  renderError?: (error: unknown) => ReactNode | undefined;
  itemTestId?: string;
}

/** An infinite masonry grid over any paginated card list, with its loading, empty and error states. */
export function NoteGrid({ query, empty, label, renderError, itemTestId }: NoteGridProps) {
  const { t } = useTranslation();
  const { data, hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const sentinel = useLoadMore<HTMLDivElement>(query, { paused: query.isError });
  const dismissed = useDismissedNotes();

  if (query.isPending) return <GridSkeleton />;
  if (query.isError && !data) {
    return renderError?.(query.error) ?? <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  // A card without a cover cannot be laid out; skip it rather than break the whole grid.
  const notes = data?.pages.flatMap((page) => page.items).filter((note) => note?.cover && !dismissed.has(note.id)) ?? [];
  if (notes.length === 0) return <>{empty}</>;
  return (
    <>
      <MasonryGrid notes={notes} busy={query.isFetching} label={label} itemTestId={itemTestId} />
      <div ref={sentinel} className="grid-footer">
        {isFetchingNextPage ? (
          <span role="status" className="grid-footer__loading">
            <Skeleton width={120} height={12} />
            <span className="visually-hidden">{t('app.loading')}</span>
          </span>
        ) : query.isFetchNextPageError ? (
          <button type="button" className="grid-footer__retry" onClick={() => void fetchNextPage()}>
            {t('feed.loadMoreFailed')}
          </button>
        ) : !hasNextPage ? (
          <span className="grid-footer__end">{t('feed.end')}</span>
        ) : null}
      </div>
    </>
  );
}
