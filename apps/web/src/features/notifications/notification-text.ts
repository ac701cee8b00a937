import type { TFunction } from 'i18next';
import { countryName } from '../../lib/countries';
import type { NotificationView } from './notifications-queries';

/**
 * "Ann and 12 others liked your note" / "安妮等13人赞了你的笔记": the first actor's name
 * and how many others, with the kind choosing the verb. `count` is the number of others,
 * so `_zero` is the single-actor sentence.
 */
export function notificationText(t: TFunction, notification: NotificationView, fallbackName: string, locale = 'en'): string {
  if (notification.kind === 'new_sign_in') return signInText(t, notification, locale);
  const first = notification.actors[0];
  const name = first ? first.displayName || first.handle : fallbackName;
  const others = Math.max(0, notification.actorCount - 1);
  return t(`notifications.kind.${notification.kind}`, { name, count: others });
}

/** "New sign-in to your account: Chrome on Windows, France": the device and place, nobody's name. */
function signInText(t: TFunction, notification: NotificationView, locale: string): string {
  const { device, browser, country } = notification.signIn ?? { device: null, browser: null, country: null };
  const what = browser && device ? t('settings.deviceOn', { browser, os: device }) : (browser ?? device ?? t('settings.unknownDevice'));
  const place = country ? countryName(country, locale) : t('settings.unknownLocation');
  return t('notifications.newSignIn', { device: what, place });
}
