// The fake translators' "model": a tiny English ↔ Chinese dictionary, so tests
// (and the browser test) see a real-looking, deterministic translation. Tokens
// such as ⟦0⟧ are copied through untouched, as real services do. A text the
// dictionary cannot change gets a visible [target] marker instead.

const ZH_TO_EN: Array<[string, string]> = [
  ['太美了', 'so beautiful'],
  ['你好', 'hello'],
  ['世界', 'world'],
  ['谢谢', 'thanks'],
  ['朋友', 'friends'],
  ['周末', 'weekend'],
  ['今天', 'today'],
  ['天气', 'the weather'],
  ['很好', 'is great'],
  ['我们', 'we'],
  ['爬山', 'hiking'],
  ['风景', 'the scenery'],
  ['喜欢', 'like'],
  ['火锅', 'hotpot'],
  ['美食', 'food'],
  ['一起', 'together'],
  ['难民', 'refugee'],
  ['中国', 'China'],
  ['美国', 'America'],
  ['猫', 'cat'],
  ['税', 'tax'],
  ['交', 'pay'],
  ['我', 'I'],
  ['你', 'you'],
  ['爱', 'love'],
  ['去', 'went'],
  ['吃', 'eat'],
  ['和', 'and'],
  ['是', 'is'],
  ['美', 'beautiful'],
  ['了', ''],
  ['的', ''],
];
const EN_TO_ZH: Record<string, string> = {
  hello: '你好',
  world: '世界',
  thanks: '谢谢',
  friends: '朋友',
  weekend: '周末',
  today: '今天',
  weather: '天气',
  great: '很好',
  hiking: '爬山',
  food: '美食',
  together: '一起',
  refugee: '难民',
  cat: '猫',
  cats: '猫',
  tax: '税',
  love: '爱',
  i: '我',
  you: '你',
  beautiful: '美',
};
const ZH_PUNCTUATION: Record<string, string> = { '，': ',', '。': '.', '！': '!', '？': '?', '、': ',', '：': ':', '；': ';' };

const CJK = /[\p{Script=Han}]/u;
const PIECES = /⟦\d+⟧|[\p{Script=Han}]|[，。！？、：；]|[^\p{Script=Han}，。！？、：；⟦]+|⟦/gu;

function chineseToEnglish(text: string): string {
  const words: string[] = [];
  const pieces = text.match(PIECES) ?? [];
  for (let i = 0; i < pieces.length; i += 1) {
    const piece = pieces[i]!;
    if (CJK.test(piece)) {
      // Longest dictionary entry starting here; an unknown character becomes "…".
      const rest = pieces.slice(i, i + 3).join('');
      const entry = ZH_TO_EN.find(([zh]) => rest.startsWith(zh));
      if (entry) {
        if (entry[1]) words.push(entry[1]);
        i += entry[0].length - 1;
      } else if (words.at(-1) !== '…') {
        words.push('…');
      }
    } else if (ZH_PUNCTUATION[piece]) {
      words.push(`${ZH_PUNCTUATION[piece]}\u0001`);
    } else {
      words.push(piece.trim());
    }
  }
  const joined = words
    .filter(Boolean)
    .join(' ')
    .replace(/ ([,.!?:;])\u0001/g, '$1')
    .replace(/\u0001/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

const englishToChinese = (text: string) => text.replace(/[A-Za-z]+/g, (word) => EN_TO_ZH[word.toLowerCase()] ?? word);

/** A deterministic "translation" of one segment into `target` (ISO 639-1 or zh-Hant style). */
export function fakeTranslate(text: string, target: string): string {
  const code = target.toLowerCase();
  let translated = text;
  if (code === 'en' || code.startsWith('en-')) translated = CJK.test(text) ? chineseToEnglish(text) : text;
  else if (code.startsWith('zh') || code === 'zt') translated = englishToChinese(text);
  return translated === text ? `[${target}] ${text}` : translated;
}

/** What a language detector would say, by script: enough for the fakes' detectedLanguage fields. */
export function fakeDetect(text: string): { language: string; confidence: number } {
  if (/\p{Script=Hiragana}|\p{Script=Katakana}/u.test(text)) return { language: 'ja', confidence: 90 };
  if (/\p{Script=Hangul}/u.test(text)) return { language: 'ko', confidence: 90 };
  if (CJK.test(text)) return { language: 'zh', confidence: 90 };
  if (/[A-Za-z]/.test(text)) return { language: 'en', confidence: 80 };
  return { language: 'en', confidence: 0 };
}
