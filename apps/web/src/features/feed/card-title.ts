/** How many characters of a title a card shows (RedNote's rule); the composer says so. */
export const CARD_TITLE_CHARS = 20;

/** The first 20 characters (whole emoji and CJK characters, not UTF-16 halves), then "…". */
export function cardTitle(title: string): string {
  const chars = [...title.trim()];
  return chars.length > CARD_TITLE_CHARS ? `${chars.slice(0, CARD_TITLE_CHARS).join('').trimEnd()}…` : chars.join('');
}
