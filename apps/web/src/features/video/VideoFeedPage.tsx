import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ButtonLink } from '../../ui/ButtonLink';
import { EmptyState } from '../../ui/EmptyState';
import { VideoIcon } from '../../ui/icons';
import { QueryError } from '../../ui/QueryError';
import { Skeleton } from '../../ui/Skeleton';
import { useDismissedNotes } from '../recommendations/dismissed-notes';
import { mediaPlan, pickActive, shouldLoadMore, stepIndex } from './active-item';
import { useVideoFeed } from './video-queries';
import { VideoFeedItem } from './VideoFeedItem';
import './video-feed.css';

const THRESHOLDS = [0, 0.25, 0.5, 0.6, 0.75, 1];

/** /video — the full-screen vertical swipe feed of video notes. */
export function VideoFeedPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('video.pageTitle'));
  const feed = useVideoFeed();
  const dismissed = useDismissedNotes();
  // "Not interested" takes the video out: the next one slides into its place.
  const items = feed.data?.pages.flatMap((page) => page.items).filter((note) => !dismissed.has(note.id)) ?? [];
  const [active, setActive] = useState(0);
  // Muted until the user unmutes once; then the whole feed keeps its sound.
  const [muted, setMuted] = useState(true);
  const listRef = useRef<HTMLDivElement>(null);
  const ratios = useRef(new Map<number, number>());
  const activeRef = useRef(active);
  activeRef.current = active;

  const count = items.length;
  const countRef = useRef(count);
  countRef.current = count;
  useEffect(() => {
    const list = listRef.current;
    if (!list || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const index = Number((entry.target as HTMLElement).dataset.index);
          ratios.current.set(index, entry.isIntersecting ? entry.intersectionRatio : 0);
        }
        const next = pickActive(ratios.current, activeRef.current);
        if (next !== activeRef.current) setActive(next);
      },
      { root: list, threshold: THRESHOLDS },
    );
    for (const element of list.querySelectorAll('[data-testid="video-item"]')) observer.observe(element);
    return () => observer.disconnect();
  }, [count]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage, isFetchNextPageError } = feed;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isFetchNextPageError && shouldLoadMore(active, count)) void fetchNextPage();
  }, [active, count, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  const scrollTo = useCallback((index: number) => {
    const element = listRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    element?.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'start' });
  }, []);

  const onKeyDown = useCallback(
    (event: globalThis.KeyboardEvent) => {
      const by = event.key === 'ArrowDown' || event.key === 'PageDown' ? 1 : event.key === 'ArrowUp' || event.key === 'PageUp' ? -1 : 0;
      if (!by || event.altKey || event.ctrlKey || event.metaKey) return;
      // Arrow keys inside the comment box or a sheet keep their usual meaning.
      if ((event.target as HTMLElement).closest('input, textarea, dialog')) return;
      event.preventDefault();
      scrollTo(stepIndex(activeRef.current, by, countRef.current));
    },
    [scrollTo],
  );
  // On the whole page, so Up/Down work without first focusing the feed.
  useEffect(() => {
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onKeyDown]);

  const unmute = useCallback(() => setMuted(false), []);
  const blocked = useCallback(() => setMuted(true), []);

  let content;
  if (feed.isPending) {
    content = (
      <div className="video-feed__skeleton" aria-busy="true" aria-label={t('video.loading')}>
        <Skeleton width="100%" height="100%" radius={0} />
      </div>
    );
  } else if (feed.isError && count === 0) {
    content = (
      <div className="video-feed__message">
        <QueryError error={feed.error} onRetry={() => void feed.refetch()} />
      </div>
    );
  } else if (count === 0) {
    content = (
      <div className="video-feed__message" data-testid="video-feed-empty">
        <EmptyState level={2} icon={<VideoIcon size={32} />} title={t('video.emptyTitle')} body={t('video.emptyBody')}>
          <ButtonLink to="/post" variant="primary">
            {t('video.emptyAction')}
          </ButtonLink>
        </EmptyState>
      </div>
    );
  } else {
    content = (
      <div
        ref={listRef}
        className="video-feed"
        data-testid="video-feed"
        tabIndex={0}
        role="feed"
        aria-label={t('video.feedLabel')}
        aria-busy={isFetchingNextPage}
      >
        {items.map((note, index) => (
          <VideoFeedItem key={note.id} seed={note} index={index} plan={mediaPlan(index, active)} muted={muted} onUnmute={unmute} onAutoplayBlocked={blocked} />
        ))}
        {isFetchNextPageError ? (
          <div className="video-feed__more">
            <QueryError error={feed.error} onRetry={() => void fetchNextPage()} />
          </div>
        ) : null}
      </div>
    );
  }

  return (
    <div className="video-feed-page">
      <h1 className="visually-hidden">{t('video.pageTitle')}</h1>
      {content}
    </div>
  );
}
