// Chinese and Japanese are matched by substring, which is right for most terms
// but not for the shortest: 操 is in 操场 (playground) and 体操 (gymnastics), 大麻
// in 大麻烦 (big trouble), 妈的 in 妈妈的 (mum's). For those, ICU's dictionary word
// segmenter (built into Node's Intl) has a say:
//  - a one-character term must be a word of its own (我操 yes, 操场 no);
//  - a two-character term may fill whole words or sit inside one Chinese word
//    (他妈的), but not straddle a word boundary (大|麻烦, 妈妈|的) nor sit inside a
//    kana word (バカ in バカンス).
// The segmenter's dictionary does not know slang, so longer terms stay plain substrings.

/** CJK terms this short (in characters) must sit on word boundaries. */
export const SHORT_CJK_TERM = 2;
const ALIGNED_SCRIPTS = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]+$/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

export function needsWordBoundaries(termChars: readonly string[]): boolean {
  return termChars.length <= SHORT_CJK_TERM && ALIGNED_SCRIPTS.test(termChars.join(''));
}

const segmenters = new Map<string, Intl.Segmenter>();

/** UTF-16 offsets where a word (or a space, or punctuation) starts, plus the end. */
function wordBoundaries(text: string): Set<number> {
  const locale = KANA.test(text) ? 'ja' : 'zh';
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  const boundaries = new Set<number>([text.length]);
  for (const { index } of segmenter.segment(text)) boundaries.add(index);
  return boundaries;
}

export class WordBoundaryCheck {
  private boundaries: Set<number> | undefined;
  constructor(private readonly text: string) {}

  /** Whether a hit of a term `length` characters long over text[start, end) stands as a word. */
  accepts(start: number, end: number, length: number): boolean {
    this.boundaries ??= wordBoundaries(this.text);
    if (this.boundaries.has(start) && this.boundaries.has(end)) return true;
    // Inside a kana word the term is part of another word (バカ in バカンス).
    if (length === 1 || KANA.test(this.text.slice(start, end))) return false;
    for (let at = start + 1; at < end; at += 1) if (this.boundaries.has(at)) return false;
    return true;
  }
}
