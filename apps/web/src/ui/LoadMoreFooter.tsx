import { Skeleton } from './Skeleton';
import { useLoadMore, type NextPager } from './use-load-more';

interface LoadMoreFooterProps {
  pager: NextPager;
  className: string;
  margin?: string;
}

/** The end of an infinite list: loads the next page on approach and shows a bar while it does. */
export function LoadMoreFooter({ pager, className, margin }: LoadMoreFooterProps) {
  const sentinel = useLoadMore<HTMLDivElement>(pager, { margin });
  return (
    <div ref={sentinel} className={className}>
      {pager.isFetchingNextPage ? <Skeleton width={120} height={12} /> : null}
    </div>
  );
}
