import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from './resources';

// The same setup as i18n.ts (minus the browser detector), so plural and formatter
// resolution is exactly what users get.
async function translator(lng: string): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({ lng, fallbackLng: 'en', resources, interpolation: { escapeValue: false }, showSupportNotice: false });
  i18n.services.formatter?.add('plusOne', (value: unknown) => String(Number(value) + 1));
  return i18n.t;
}

describe('plurals and counts in every language', () => {
  it('groups notification actors the way each language counts them', async () => {
    const like = async (lng: string, name: string, others: number) => (await translator(lng))('notifications.kind.like', { name, count: others });
    expect(await like('en', 'Ann', 12)).toBe('Ann and 12 others liked your note');
    // Chinese counts everyone ("13 people, Ann among them"); the others count the others.
    expect(await like('zh-CN', '安妮', 12)).toBe('安妮等13人赞了你的笔记');
    expect(await like('zh-TW', '安妮', 12)).toBe('安妮等13人對你的筆記按讚');
    expect(await like('ja', 'アン', 12)).toBe('アンさん他12人があなたのノートにいいねしました');
    expect(await like('ko', '안나', 12)).toBe('안나님 외 12명이 회원님의 노트를 좋아합니다');
    expect(await like('es', 'Ana', 12)).toBe('A Ana y 12 personas más les gustó tu nota');
    expect(await like('es', 'Ana', 1)).toBe('A Ana y 1 persona más les gustó tu nota');
    for (const lng of ['zh-TW', 'ja', 'ko', 'es']) {
      expect(await like(lng, 'X', 0), lng).not.toMatch(/\d/);
    }
  });

  it('uses the singular only where the language has one', async () => {
    const es = await translator('es');
    expect(es('comments.title', { count: 1 })).toBe('1 comentario');
    expect(es('comments.title', { count: 2 })).toBe('2 comentarios');
    // Spanish treats exact millions as their own plural category ("many").
    expect(es('comments.title', { count: 1_000_000 })).toBe('1000000 comentarios');
    const ja = await translator('ja');
    expect(ja('comments.title', { count: 1 })).toBe('コメント1件');
    expect(ja('comments.title', { count: 5 })).toBe('コメント5件');
  });

  it('never falls back to English for a key English has', async () => {
    const en = await translator('en');
    for (const lng of ['zh-TW', 'ja', 'ko', 'es']) {
      const t = await translator(lng);
      for (const key of ['nav.home', 'errors.network_error', 'translation.translate', 'topic.views']) {
        expect(t(key, { count: 3, formatted: '3' }), `${lng} ${key}`).not.toBe(en(key, { count: 3, formatted: '3' }));
      }
    }
  });
});
