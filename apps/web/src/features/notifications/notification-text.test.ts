import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { notificationText } from './notification-text';
import type { NotificationView } from './notifications-queries';

async function translator(lng: string) {
  const i18n = createInstance();
  await i18n.init({
    lng,
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  i18n.services.formatter?.add('plusOne', (value: unknown) => String(Number(value) + 1));
  return i18n.t;
}

const notification = (actorCount: number, name: string): NotificationView => ({
  id: 'n1',
  kind: 'like',
  actors: [{ id: 'u1', handle: 'ann', displayName: name }],
  actorCount,
  note: { id: 'x', title: 'Cat tax' },
  comment: null,
  latestAt: '2025-01-15T00:00:00Z',
  read: false,
  signIn: null,
});

describe('notificationText', () => {
  it('groups actors in English', async () => {
    const t = await translator('en');
    expect(notificationText(t, notification(13, 'Ann'), '')).toBe('Ann and 12 others liked your note');
    expect(notificationText(t, notification(2, 'Ann'), '')).toBe('Ann and 1 other liked your note');
    expect(notificationText(t, notification(1, 'Ann'), '')).toBe('Ann liked your note');
  });

  it('counts everyone in Chinese', async () => {
    const t = await translator('zh-CN');
    expect(notificationText(t, notification(13, '安妮'), '')).toBe('安妮等13人赞了你的笔记');
    expect(notificationText(t, notification(1, '安妮'), '')).toBe('安妮赞了你的笔记');
  });
});

describe('new sign-in notification', () => {
  it('names the device, browser and country, or says the place is unknown', async () => {
    const t = await translator('en');
    const signIn = (country: string | null): NotificationView => ({
      ...notification(1, 'Me'),
      kind: 'new_sign_in',
      note: null,
      signIn: { device: 'Windows', browser: 'Edge', country },
    });
    expect(notificationText(t, signIn('FR'), '', 'en')).toBe('New sign-in to your account: Edge on Windows, France');
    expect(notificationText(t, signIn(null), '', 'en')).toBe('New sign-in to your account: Edge on Windows, Location unknown');
    expect(notificationText(await translator('zh-CN'), signIn('FR'), '', 'zh-CN')).toBe('你的账号有新的登录：Windows 上的 Edge，法国');
  });
});
