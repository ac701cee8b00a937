import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { reasonText } from './reason-text';
import type { ReasonCode } from './reason-types';

async function translator(lng: string) {
  const i18n = createInstance();
  await i18n.init({
    lng,
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return i18n.t;
}

const CODES: ReasonCode[] = [
  'liked_topic',
  'similar_notes',
  'people_like_you',
  'fresh',
  'following',
  'trending_topic',
  'trending',
  'explore',
  'popular_in_language',
  'popular',
];

describe('reasonText', () => {
  it('says why in English, with the topic or language filled in', async () => {
    const t = await translator('en');
    expect(reasonText(t, { code: 'liked_topic', topic: 'cats' }, 'en')).toBe('Because you liked notes in #cats');
    expect(reasonText(t, { code: 'fresh' }, 'en')).toBe('A new note finding its first readers');
    expect(reasonText(t, { code: 'trending_topic', topic: 'TikTokRefugee' }, 'en')).toBe('Trending in #TikTokRefugee');
    expect(reasonText(t, { code: 'popular_in_language', language: 'zh' }, 'en')).toBe('Popular in Chinese');
  });

  it('says it in natural Chinese', async () => {
    const t = await translator('zh-CN');
    expect(reasonText(t, { code: 'liked_topic', topic: '猫咪' }, 'zh-CN')).toBe('因为你赞过 #猫咪 相关笔记');
    expect(reasonText(t, { code: 'fresh' }, 'zh-CN')).toBe('新笔记正在寻找第一批读者');
    expect(reasonText(t, { code: 'trending_topic', topic: 'TikTokRefugee' }, 'zh-CN')).toBe('在 #TikTokRefugee 中热门');
    expect(reasonText(t, { code: 'popular_in_language', language: 'en' }, 'zh-CN')).toBe('英语热门笔记');
  });

  it('has a sentence for every code in both languages, and never prints an empty "#"', async () => {
    for (const lng of ['en', 'zh-CN']) {
      const t = await translator(lng);
      for (const code of CODES) {
        const text = reasonText(t, { code }, lng);
        expect(text, `${lng} ${code}`).not.toMatch(/recommendations\.|#\s|\{\{/);
        expect(text.length).toBeGreaterThan(3);
      }
    }
  });

  it('falls back to something true for a code from a newer server', async () => {
    const t = await translator('en');
    expect(reasonText(t, { code: 'brand_new' as ReasonCode }, 'en')).toBe('Popular on Qiao');
  });
});
