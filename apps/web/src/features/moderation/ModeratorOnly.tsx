import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';
import { LockIcon } from '../../ui/icons';
import { Skeleton } from '../../ui/Skeleton';
import { canModerate, useMe } from '../profile/me-queries';

/** The console's screens render only for moderators and admins (the server checks too). */
export function ModeratorOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <Skeleton height={120} radius={12} />;
  if (!canModerate(me.data)) return <EmptyState icon={<LockIcon size={28} />} title={t('moderation.forbiddenTitle')} body={t('moderation.forbiddenBody')} />;
  return <>{children}</>;
}
