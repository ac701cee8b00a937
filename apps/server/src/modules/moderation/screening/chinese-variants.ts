import JP_SHINJITAI from 'opencc-js/dict/JPShinjitaiCharacters';
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';

// Traditional and simplified Chinese (and Japanese kanji) are screened as one:
// text and terms both go through OpenCC's tables (from opencc-js), Japanese
// shinjitai -> traditional -> simplified, so 賭博, 赌博 and 覚醒剤/覺醒劑/觉醒剂 meet.
// We use the character tables alone, not OpenCC's phrase tables, because a
// phrase table converts a word differently depending on its neighbours, and a
// term must normalise the same way alone as it does inside a sentence.

// The dictionaries are "from to|from to|..."; a lookup table beats running the
// converter's trie once per character.
function table(dictionary: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of dictionary.split('|')) {
    const [from, to] = entry.split(' ');
    if (from && to) map.set(from, to);
  }
  return map;
}

const TRADITIONAL_TO_SIMPLIFIED = table(TS_CHARACTERS);
const SHINJITAI_TO_TRADITIONAL = table(JP_SHINJITAI);

/** Simplified form of one code point (itself when it has none). */
export function simplifiedChinese(char: string): string {
  const traditional = SHINJITAI_TO_TRADITIONAL.get(char) ?? char;
  return TRADITIONAL_TO_SIMPLIFIED.get(traditional) ?? traditional;
}
