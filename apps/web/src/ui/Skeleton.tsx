import './skeleton.css';

interface SkeletonProps {
  width?: number | string;
  height?: number | string;
  radius?: number | string;
  className?: string;
}

/** A placeholder block sized like the content it stands for, so nothing jumps on load. */
export function Skeleton({ width = '100%', height = 16, radius = 8, className }: SkeletonProps) {
  return <span className={['skeleton', className].filter(Boolean).join(' ')} style={{ width, height, borderRadius: radius }} aria-hidden="true" />;
}
