import type { TFunction } from 'i18next';
import type { NotificationView } from './notifications-queries';

/**
 * "Ann and 12 others liked your note" / "安妮等13人赞了你的笔记": the first actor's name
 * and how many others, with the kind choosing the verb. `count` is the number of others,
 * so `_zero` is the single-actor sentence.
 */
export function notificationText(t: TFunction, notification: NotificationView, fallbackName: string): string {
  const first = notification.actors[0];
  const name = first ? first.displayName || first.handle : fallbackName;
  const others = Math.max(0, notification.actorCount - 1);
  return t(`notifications.kind.${notification.kind}`, { name, count: others });
}
