import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';

// Traditional and simplified Chinese are screened as one: text and terms both go
// through OpenCC's traditional -> simplified character table (from opencc-js).
// We use the character table alone, not OpenCC's phrase tables, because a phrase
// table converts a word differently depending on its neighbours, and a term must
// normalise the same way alone as it does inside a sentence.

// The dictionary is "trad simp|trad simp|..."; a lookup table beats running the
// converter's trie once per character.
const TO_SIMPLIFIED = new Map<string, string>();
for (const entry of TS_CHARACTERS.split('|')) {
  const [from, to] = entry.split(' ');
  if (from && to) TO_SIMPLIFIED.set(from, to);
}

/** Simplified form of one code point (itself when it has none). */
export function simplifiedChinese(char: string): string {
  return TO_SIMPLIFIED.get(char) ?? char;
}
