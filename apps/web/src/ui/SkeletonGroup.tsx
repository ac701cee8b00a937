import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface SkeletonGroupProps {
  /** 'ul' where the placeholders stand in for a list's items. */
  as?: 'div' | 'ul';
  className?: string;
  children: ReactNode;
}

/**
 * Wraps a screen's skeletons so assistive technology hears one "Loading" status
 * instead of a run of empty boxes (each Skeleton is aria-hidden).
 */
export function SkeletonGroup({ as: Tag = 'div', className, children }: SkeletonGroupProps) {
  const { t } = useTranslation();
  return (
    <Tag className={className} role="status" aria-busy="true">
      <span className="visually-hidden">{t('app.loading')}</span>
      {children}
    </Tag>
  );
}
