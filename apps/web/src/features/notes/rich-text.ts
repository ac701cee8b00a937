/**
 * Splits a note's text into plain runs, #topics and @mentions, with the server's rules:
 * a hashtag is # plus letters, marks, digits or underscores in any script (so #交猫税 and
 * #TikTokRefugee both work, even glued to the text before them, as Chinese writers do),
 * at most 50 of them; a mention is @ plus 3–24 ASCII letters, digits or underscores, not
 * right after a letter, digit or underscore (so not inside an e-mail address).
 * Keep in step with apps/server/src/modules/notes/note-text.ts: what it parses is what
 * readers can click.
 */
export type RichToken = { type: 'text'; text: string } | { type: 'topic'; text: string; name: string } | { type: 'mention'; text: string; handle: string };

const TOKEN = /#([\p{L}\p{M}\p{N}_]{1,50})|(?<![\p{L}\p{N}_])@([A-Za-z0-9_]{3,24})/gu;

export function tokenizeRichText(input: string): RichToken[] {
  const tokens: RichToken[] = [];
  let last = 0;
  const pushText = (text: string) => {
    if (!text) return;
    const prev = tokens[tokens.length - 1];
    if (prev?.type === 'text') prev.text += text;
    else tokens.push({ type: 'text', text });
  };
  for (const match of input.matchAll(TOKEN)) {
    const start = match.index;
    pushText(input.slice(last, start));
    const [text, topic, handle] = match;
    if (topic !== undefined) tokens.push({ type: 'topic', text, name: topic });
    else if (handle !== undefined) tokens.push({ type: 'mention', text, handle });
    last = start + text.length;
  }
  pushText(input.slice(last));
  return tokens;
}

/**
 * Only the @mentions the server says link (people who let the author mention
 * them) stay mention tokens; the others become plain text, merged with their
 * neighbours. Without a list every mention links (older servers, previews).
 */
export function keepLinkableMentions(tokens: readonly RichToken[], mentions?: ReadonlyArray<{ handle: string }>): RichToken[] {
  if (!mentions) return [...tokens];
  const linked = new Set(mentions.map((mention) => mention.handle.toLowerCase()));
  const result: RichToken[] = [];
  for (const token of tokens) {
    const plain = token.type === 'mention' && !linked.has(token.handle.toLowerCase());
    const prev = result[result.length - 1];
    if ((plain || token.type === 'text') && prev?.type === 'text') prev.text += token.text;
    else result.push(plain ? { type: 'text', text: token.text } : { ...token });
  }
  return result;
}
