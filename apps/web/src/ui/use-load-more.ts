import { useInView } from './use-in-view';

/** The part of an infinite query that loads its next page. */
export interface NextPager {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

interface LoadMoreOptions {
  /** How far before the sentinel reaches the viewport to start loading. */
  margin?: string;
  /** Hold off (e.g. after a failed page, until the user asks to retry). */
  paused?: boolean;
}

/** A ref for the sentinel under an infinite list: the next page loads as it scrolls near. */
export function useLoadMore<T extends Element>(pager: NextPager, { margin, paused = false }: LoadMoreOptions = {}) {
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pager;
  return useInView<T>(() => void fetchNextPage(), hasNextPage && !isFetchingNextPage && !paused, margin);
}
