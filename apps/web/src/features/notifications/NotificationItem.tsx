import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format-date';
import { Avatar } from '../../ui/Avatar';
import { notificationText } from './notification-text';
import type { NotificationView } from './notifications-queries';

/** One grouped notification: who, what, on which note; links to the note (or the follower). */
export function NotificationItem({ notification }: { notification: NotificationView }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const first = notification.actors[0];
  const name = first ? first.displayName || first.handle : t('notifications.someone');
  const to =
    notification.kind === 'follow_request'
      ? '/me/follow-requests'
      : notification.kind === 'new_sign_in'
        ? '/settings#settings-sessions'
        : notification.note
          ? `/notes/${notification.note.id}`
          : first
            ? `/u/${first.handle}`
            : '/messages';
  return (
    <li className={notification.read ? 'notification' : 'notification is-unread'} data-testid="notification-item" data-kind={notification.kind}>
      <Link to={to} className="notification__link">
        <span className="notification__avatars" aria-hidden="true">
          {notification.actors.slice(0, 2).map((actor) => (
            <Avatar key={actor.id} seed={actor.id} name={actor.displayName || actor.handle} size={40} label="" />
          ))}
        </span>
        <span className="notification__text">
          <span className="notification__what">
            {notificationText(t, notification, name, locale)}
            {notification.read ? null : <span className="visually-hidden"> ({t('notifications.unread')})</span>}
          </span>
          {notification.comment ? <span className="notification__quote">{notification.comment.body}</span> : null}
          {notification.note?.title ? <span className="notification__note">{notification.note.title}</span> : null}
          {notification.kind === 'new_sign_in' ? <span className="notification__note">{t('notifications.newSignInHint')}</span> : null}
          <time className="notification__time" dateTime={notification.latestAt}>
            {formatDateTime(notification.latestAt, locale)}
          </time>
        </span>
      </Link>
    </li>
  );
}
