import { Skeleton } from '../../ui/Skeleton';
import { SkeletonGroup } from '../../ui/SkeletonGroup';
import './note-page.css';

/** The note page's shape while it loads: a square image, a title and a few lines. */
export function NoteSkeleton() {
  return (
    <SkeletonGroup className="note-page">
      <div className="note-page__skeleton-bar">
        <Skeleton width={32} height={32} radius="50%" />
        <Skeleton width={120} height={16} />
      </div>
      <div style={{ position: 'relative', paddingBottom: '100%' }}>
        <Skeleton height="100%" radius={0} className="note-page__skeleton-image" />
      </div>
      <div className="note-page__content">
        <Skeleton width="70%" height={24} />
        <Skeleton height={16} />
        <Skeleton width="90%" height={16} />
        <Skeleton width="40%" height={14} />
      </div>
    </SkeletonGroup>
  );
}
