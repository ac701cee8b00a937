import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../locales/resources';
import { joinNames, LABEL_VOCABULARY, labelList, labelName, labelTitle, reportCategories } from './label-names';

let en: TFunction;
let zh: TFunction;
beforeAll(async () => {
  const make = async (lng: string) => {
    const i18n = createInstance();
    await i18n.init({ lng, fallbackLng: 'en', resources, interpolation: { escapeValue: false }, showSupportNotice: false });
    return i18n.t;
  };
  en = await make('en');
  zh = await make('zh-CN');
});

describe('label names', () => {
  it('names every label of the vocabulary in every sentence form, never by its key', () => {
    for (const label of LABEL_VOCABULARY) {
      expect(labelName(en, label)).not.toContain('labels.');
      expect(labelName(zh, label)).not.toBe(labelName(en, label));
    }
    expect(labelName(en, 'graphic-violence')).toBe('graphic violence');
    expect(labelTitle(en, 'graphic-violence', 'en')).toBe('Graphic violence');
  });

  it("shows an operator's own label by its raw name, uncapitalised", () => {
    expect(labelName(en, 'crypto-shill')).toBe('crypto-shill');
    expect(labelTitle(en, 'crypto-shill', 'en')).toBe('crypto-shill');
  });

  it('joins several names the way the language lists them', () => {
    expect(labelList(en, ['nudity', 'gambling'], 'en')).toBe('nudity and gambling');
    expect(joinNames(['a', 'b', 'c'], 'en')).toBe('a, b, and c');
    expect(joinNames(['赌博', '裸露'], 'zh-CN')).toBe('赌博和裸露');
  });
});

describe('report categories', () => {
  it('offers the twelve labels, then the operator labels, then illegal and other', () => {
    const categories = reportCategories(['crypto-shill', 'spam', 'restricted', 'crypto-shill']);
    expect(categories.slice(0, 12)).toEqual([...LABEL_VOCABULARY]);
    expect(categories.slice(12)).toEqual(['crypto-shill', 'illegal', 'other']);
    expect(reportCategories()).toHaveLength(14);
  });
});
