import { describe, expect, it } from 'vitest';
import { dominantScript, needsGloss, scriptsOfLanguage } from './text-script';

describe('dominantScript', () => {
  it('tells the scripts of topic names apart', () => {
    expect(dominantScript('交猫税')).toBe('han');
    expect(dominantScript('TikTokRefugee')).toBe('latin');
    expect(dominantScript('猫のいる暮らし')).toBe('kana');
    expect(dominantScript('고양이')).toBe('hangul');
    expect(dominantScript('кошки')).toBe('cyrillic');
    expect(dominantScript('แมว')).toBe('thai');
  });

  it('goes by the majority in mixed names, and ignores digits and marks', () => {
    expect(dominantScript('小红书RedNote')).toBe('latin');
    expect(dominantScript('2025小红书')).toBe('han');
    expect(dominantScript('2025_')).toBeNull();
    expect(dominantScript('')).toBeNull();
  });
});

describe('needsGloss', () => {
  it('glosses a Chinese topic for an English reader and an English one for a Chinese reader', () => {
    expect(needsGloss('交猫税', ['en'], 'en')).toBe(true);
    expect(needsGloss('TikTokRefugee', ['zh'], 'zh-CN')).toBe(true);
  });

  it('does not gloss what the viewer can read', () => {
    expect(needsGloss('TikTokRefugee', ['en'], 'en')).toBe(false);
    expect(needsGloss('交猫税', ['en', 'zh'], 'en')).toBe(false);
    // Japanese readers read kanji; Spanish readers read the Latin alphabet.
    expect(needsGloss('交猫税', [], 'ja')).toBe(false);
    expect(needsGloss('gatos', [], 'es')).toBe(false);
    expect(needsGloss('2025', ['en'], 'en')).toBe(false);
  });

  it('maps languages to the scripts their readers read', () => {
    expect(scriptsOfLanguage('ja')).toEqual(['kana', 'han']);
    expect(scriptsOfLanguage('zh-Hant')).toEqual(['han']);
    expect(scriptsOfLanguage('fr')).toEqual(['latin']);
  });
});
