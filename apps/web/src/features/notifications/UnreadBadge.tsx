import { useTranslation } from 'react-i18next';
import { useMe } from '../profile/me-queries';
import { useUnreadCount } from './notifications-queries';
import './notifications.css';

/** The red count on the Messages tab; nothing when signed out or all read. */
export function UnreadBadge() {
  const { t } = useTranslation();
  const me = useMe().data;
  const unread = useUnreadCount(Boolean(me)).data ?? 0;
  if (!me || unread <= 0) return null;
  return (
    <span className="unread-badge" data-testid="notifications-badge">
      <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
      <span className="visually-hidden">{t('notifications.unreadCount', { count: unread })}</span>
    </span>
  );
}
