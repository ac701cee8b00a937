import { describe, expect, it } from 'vitest';
import { CONTENT_LANGUAGES, isContentLanguage } from './content-languages.js';
import { detectLanguage, languageText, MAX_SCAN_CHARS, MIN_CONFIDENCE } from './detect-language.js';

describe('detectLanguage', () => {
  it.each([
    ['en', 'Hello from Ohio! Thanks for the warm welcome, everyone here is so kind.'],
    ['zh', '今天在上海吃了小笼包，太好吃了！下次还要再来。'],
    ['ja', '今日は東京で美味しいラーメンを食べました。また行きたいです。'],
    ['ko', '오늘 서울에서 맛있는 비빔밥을 먹었어요. 정말 좋았어요.'],
    ['es', 'Me encanta este lugar, la comida es increíble y la gente muy amable.'],
    ['fr', 'Je suis très content de vous voir ici, bienvenue à tous les nouveaux.'],
    ['de', 'Ich bin heute in Berlin angekommen und es regnet den ganzen Tag.'],
    ['pt', 'Eu adoro café da manhã com pão de queijo e suco de laranja.'],
    ['it', 'Oggi ho mangiato una pizza buonissima a Napoli con i miei amici.'],
    ['ru', 'Привет всем! Сегодня отличная погода, пойдём гулять в парк.'],
    ['uk', 'Привіт, як справи? Сьогодні чудова погода, підемо гуляти.'],
    ['vi', 'Hôm nay trời đẹp quá, mình đi dạo công viên với bạn bè.'],
    ['tr', 'Bugün hava çok güzel, arkadaşlarla parka gidelim mi?'],
    ['ar', 'مرحبا بالجميع، كيف حالكم اليوم؟ الطقس جميل جدا.'],
    ['hi', 'आज मौसम बहुत अच्छा है, चलो पार्क में घूमने चलते हैं।'],
    ['th', 'วันนี้อากาศดีมาก ไปเดินเล่นที่สวนกันเถอะ'],
    ['el', 'Σήμερα ο καιρός είναι υπέροχος, πάμε βόλτα στο πάρκο.'],
    ['he', 'שלום לכולם, מה שלומכם היום? מזג האוויר נהדר.'],
  ])('detects %s from a real sentence', (language, text) => {
    const detected = detectLanguage(text);
    expect(detected.language).toBe(language);
    expect(detected.confidence).toBeGreaterThanOrEqual(0.75);
    expect(detected.confidence).toBeLessThanOrEqual(1);
  });

  it('only ever answers with a supported content language', () => {
    expect(CONTENT_LANGUAGES).toEqual(expect.arrayContaining(['en', 'zh', 'ja', 'ko', 'es', 'fr', 'de', 'pt', 'ru', 'id']));
    for (const text of ['Saya suka makan nasi goreng di pagi hari bersama keluarga', 'Nakakatuwa naman ito, salamat po sa inyo']) {
      const { language } = detectLanguage(text);
      expect(language !== null && isContentLanguage(language), text).toBe(true);
    }
  });

  it('calls text too short to tell unknown, but trusts two Chinese characters', () => {
    for (const text of ['', '   ', 'ok', 'lol', 'Hello', 'so good', 'Thanks!', '好', 'Привет']) {
      const detected = detectLanguage(text);
      expect(detected.language, text).toBeNull();
      expect(detected.confidence, text).toBeLessThan(MIN_CONFIDENCE);
    }
    expect(detectLanguage('你好').language).toBe('zh');
    expect(detectLanguage('Cats are the best').language).toBe('en');
  });

  it('ignores emoji, hashtags, mentions, links and numbers: they are not language', () => {
    for (const text of [
      '🐱🐱🐱',
      '😂👍🏽🇨🇳👨‍👩‍👧',
      '#TikTokRefugee #交猫税 #OOTD',
      '@meilin @ann_sf',
      'https://example.com/cats?id=42 www.qiao.app',
      '1234567 89 3.14',
      '2025-01-15 12:30',
    ]) {
      expect(detectLanguage(text), text).toEqual({ language: null, confidence: 0 });
    }
    expect(languageText('Hi #交猫税 @meilin https://x.y/z 🐱 mail@example.com')).not.toMatch(/交|meilin|x\.y|🐱|example/);
    // Chinese hashtags on an English sentence do not make it Chinese.
    expect(detectLanguage('Hello from Ohio! #TikTokRefugee #交猫税 #小红书 thanks @meilin for the welcome').language).toBe('en');
  });

  it('lets the dominant script win mixed text, with less confidence', () => {
    const pure = detectLanguage('今天在成都吃了火锅，太好吃了');
    const mixed = detectLanguage('今天在 Chengdu 吃了火锅, so good');
    expect(mixed.language).toBe('zh');
    expect(mixed.confidence).toBeLessThan(pure.confidence);
    const english = detectLanguage('BBQ, trucks, learning 中文 one word a day');
    expect(english.language).toBe('en');
    expect(english.confidence).toBeLessThan(1);
    // Evenly mixed and short: no honest answer.
    expect(detectLanguage('你好 from Ohio').language).toBeNull();
  });

  it('tells Japanese by its kana, and keeps Chinese with a borrowed の Chinese', () => {
    expect(detectLanguage('東京タワー').language).toBe('ja');
    expect(detectLanguage('今天去了无印良品买了很多东西，还看到一家叫做小さな店的咖啡馆').language).toBe('zh');
  });

  it('answers unknown for a script it does not know', () => {
    expect(detectLanguage('ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ ᎠᏓᏅᏙ')).toEqual({ language: null, confidence: 0 });
    expect(detectLanguage('ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵏⴰⵡⴰⵢⵜ')).toEqual({ language: null, confidence: 0 });
  });

  it('reads only the beginning of a 10,000-character text, fast', () => {
    const long = 'The weather in Seattle is rainy again today but I love it. '.repeat(170).slice(0, 10_000);
    expect(long).toHaveLength(10_000);
    const started = performance.now();
    for (let i = 0; i < 20; i++) expect(detectLanguage(long).language).toBe('en');
    // A generous bound (CI machines vary): unbounded scanning of 200k characters would take far longer.
    expect(performance.now() - started).toBeLessThan(2000);
    // What follows the scanned prefix does not count.
    const tail = `${'今天天气很好。'.repeat(Math.ceil(MAX_SCAN_CHARS / 7))}${'Hello world, this is English text. '.repeat(300)}`;
    expect(detectLanguage(tail).language).toBe('zh');
  });
});
