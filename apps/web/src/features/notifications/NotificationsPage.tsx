import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';
import { EmptyState } from '../../ui/EmptyState';
import { BellIcon } from '../../ui/icons';
import { LoadMoreFooter } from '../../ui/LoadMoreFooter';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { Skeleton } from '../../ui/Skeleton';
import { SkeletonGroup } from '../../ui/SkeletonGroup';
import { SignInFlow } from '../auth/SignInFlow';
import { useMe } from '../profile/me-queries';
import { NotificationItem } from './NotificationItem';
import { useMarkAllRead, useNotifications } from './notifications-queries';
import './notifications.css';

/** The Messages tab: likes, comments, mentions and follows, grouped; opening it marks all read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const signedIn = Boolean(me.data);
  const list = useNotifications(signedIn);
  const markRead = useMarkAllRead();
  const marked = useRef(false);
  useDocumentTitle(t('notifications.title'));

  const unread = list.data?.pages[0]?.unread ?? 0;
  useEffect(() => {
    if (!list.isSuccess || marked.current) return;
    marked.current = true;
    if (unread > 0) markRead.mutate();
  }, [list.isSuccess, unread, markRead]);

  let body;
  if (me.isPending || (signedIn && list.isPending)) {
    body = (
      <SkeletonGroup as="ul" className="notifications">
        {[0, 1, 2, 3].map((i) => (
          <li key={i} className="notification">
            <div className="notification__link">
              <Skeleton width={40} height={40} radius="50%" />
              <span className="notification__text">
                <Skeleton width="70%" height={14} />
                <Skeleton width="40%" height={12} />
              </span>
            </div>
          </li>
        ))}
      </SkeletonGroup>
    );
  } else if (!signedIn) {
    body = (
      <>
        <p className="notifications__signin muted">{t('notifications.signIn')}</p>
        <SignInFlow />
      </>
    );
  } else if (list.isError && !list.data) {
    body = <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  } else {
    const items = list.data?.pages.flatMap((page) => page.items) ?? [];
    body =
      items.length === 0 ? (
        <EmptyState level={2} icon={<BellIcon size={28} />} title={t('notifications.emptyTitle')} body={t('notifications.emptyBody')} />
      ) : (
        <>
          <ul className="notifications">
            {items.map((item) => (
              <NotificationItem key={item.id} notification={item} />
            ))}
          </ul>
          <LoadMoreFooter pager={list} className="grid-footer" />
        </>
      );
  }

  return (
    <>
      <PageHeader title={t('notifications.title')} />
      {body}
    </>
  );
}
