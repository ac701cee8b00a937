import { Skeleton } from '../../ui/Skeleton';
import { SkeletonGroup } from '../../ui/SkeletonGroup';
import './profile.css';

/** Same boxes as ProfileHeader, so the page does not jump when data arrives. */
export function MeSkeleton() {
  return (
    <SkeletonGroup className="profile-header">
      <div className="profile-header__top">
        <Skeleton width={80} height={80} radius="50%" />
        <div className="profile-header__names" style={{ flex: 1 }}>
          <Skeleton width="55%" height={26} />
          <Skeleton width="35%" height={18} />
        </div>
      </div>
      <Skeleton width="90%" height={18} />
      <Skeleton width="60%" height={18} />
    </SkeletonGroup>
  );
}
