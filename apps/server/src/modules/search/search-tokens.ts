// Search tokens computed in the app, the same way for documents and queries.
// Intl.Segmenter (ICU) splits words in any script, including Chinese and
// Japanese, which PostgreSQL's text search does not. On top of whole words:
// - CJK text also gives overlapping character bigrams (and single characters),
//   so a query matches whatever word boundaries ICU picked for the document;
// - other words give their prefixes from 3 characters, so "refug" finds "refugee".

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const MAX_PREFIX = 12;

export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function cjkGrams(word: string, out: Set<string>): void {
  const chars = [...word];
  for (let i = 0; i < chars.length; i += 1) {
    out.add(chars[i]!);
    if (i + 1 < chars.length) out.add(chars[i]! + chars[i + 1]!);
  }
}

/** Tokens stored for a document (title, body, topics, author names). */
export function documentTokens(text: string): string[] {
  const out = new Set<string>();
  for (const { segment, isWordLike } of segmenter.segment(normalizeForSearch(text))) {
    if (!isWordLike) continue;
    if (CJK.test(segment)) {
      out.add(segment);
      cjkGrams(segment, out);
      continue;
    }
    out.add(segment);
    const chars = [...segment];
    for (let length = 3; length < Math.min(chars.length, MAX_PREFIX + 1); length += 1) out.add(chars.slice(0, length).join(''));
  }
  return [...out];
}

/**
 * Tokens a query needs: every one must be in a matching document. A CJK run
 * becomes its bigrams (one character stays itself); other words stay whole
 * (they match the document's words or, cut short, its prefixes).
 */
export function queryTokens(query: string): string[] {
  const out = new Set<string>();
  for (const { segment, isWordLike } of segmenter.segment(normalizeForSearch(query))) {
    if (!isWordLike) continue;
    if (CJK.test(segment)) {
      const chars = [...segment];
      if (chars.length === 1) out.add(chars[0]!);
      for (let i = 0; i + 1 < chars.length; i += 1) out.add(chars[i]! + chars[i + 1]!);
      continue;
    }
    out.add(segment);
  }
  return [...out];
}
