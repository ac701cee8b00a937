// Invisible characters that change how text around them is shown. In a name
// they let one person pose as another: U+202E turns "gnp.exe" around, an
// isolate or mark reorders a handle shown beside it, a zero-width space makes
// "qiao" and "qi​ao" two different names that look the same. Joiners U+200C
// and U+200D stay allowed: Persian and Indic scripts and emoji sequences
// (👨‍👩‍👧) need them.

/** Embeddings, overrides, isolates, LRM/RLM/ALM, zero-width space, word joiner, BOM. */
const NAME_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u2060\uFEFF]/u;

/** Only the characters that reorder text after them (embeddings, overrides, isolates). */
const REORDERING_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;

/** Does a name (display name, board name) carry a character that hides or reorders text? */
export function hasNameControls(text: string): boolean {
  return NAME_CONTROLS.test(text);
}

/**
 * Free text (a bio) keeps its marks (LRM/RLM are how mixed Arabic and English
 * is written) but loses the controls that would flip whatever is shown after it.
 */
export function stripReorderingControls(text: string): string {
  return text.replace(REORDERING_CONTROLS, '');
}
