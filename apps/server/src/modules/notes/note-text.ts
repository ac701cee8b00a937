// Hashtags and @mentions inside a note's title and body. The web app links the
// same patterns (apps/web), so what is parsed here is what readers can click.

/** `#` then letters, marks, digits or underscores in any script: #TikTokRefugee, #交猫税. */
export const HASHTAG = /#([\p{L}\p{M}\p{N}_]{1,50})/gu;
/** `@` then a handle (see handle-rules.ts). */
export const MENTION = /(?<![\p{L}\p{N}_])@([A-Za-z0-9_]{3,24})/gu;

export const MAX_TOPICS_PER_NOTE = 10;
export const MAX_MENTIONS_PER_NOTE = 20;

export function topicKey(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}

/** Distinct hashtags in order of first use (as first written), capped. */
export function parseHashtags(text: string): string[] {
  const seen = new Map<string, string>();
  for (const match of text.matchAll(HASHTAG)) {
    const name = match[1]!.normalize('NFKC');
    const key = topicKey(name);
    if (!seen.has(key)) seen.set(key, name);
    if (seen.size >= MAX_TOPICS_PER_NOTE) break;
  }
  return [...seen.values()];
}

/** Distinct mentioned handles, lower-cased, capped. */
export function parseMentions(text: string): string[] {
  const seen = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    seen.add(match[1]!.toLowerCase());
    if (seen.size >= MAX_MENTIONS_PER_NOTE) break;
  }
  return [...seen];
}
