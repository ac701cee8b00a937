import { Skeleton } from '../../ui/Skeleton';
import { SkeletonGroup } from '../../ui/SkeletonGroup';
import './feed.css';

const RATIOS = [
  [1.33, 1, 0.75],
  [1, 0.75, 1.33],
];

/** Card-shaped placeholders in the same two columns the grid will use. */
export function GridSkeleton() {
  return (
    <SkeletonGroup className="masonry">
      {RATIOS.map((column, c) => (
        <div key={c} className="masonry__column">
          {column.map((ratio, i) => (
            <div key={i} className="note-card note-card--skeleton">
              <div style={{ paddingBottom: `${ratio * 100}%`, position: 'relative' }}>
                <Skeleton className="note-card__skeleton-cover" height="100%" radius={0} />
              </div>
              <div className="note-card__skeleton-text">
                <Skeleton width="85%" height={14} />
                <Skeleton width="50%" height={12} />
              </div>
            </div>
          ))}
        </div>
      ))}
    </SkeletonGroup>
  );
}
