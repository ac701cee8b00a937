import { HASHTAG, MENTION } from '../notes/note-text.js';

// Before text goes to a translator, everything that must come back unchanged
// (hashtags, @mentions, links, emoji) is swapped for a numbered token ⟦n⟧ that
// translators copy through; line breaks and the whitespace around lines stay
// here and never reach the translator. Restoring puts the originals back, so
// links stay clickable and hashtags still name their topics.

const URL_PATTERN = /(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/u;
const KEYCAP = /[#*0-9]\uFE0F?\u20E3/u;
const FLAG = /\p{Regional_Indicator}{1,2}/u;
// A pictograph with its variation selector, skin tone or tag characters (subdivision flags), joined by ZWJs.
const EMOJI_UNIT = String.raw`(?:\p{Extended_Pictographic}|\p{Emoji_Modifier})(?:\uFE0F|\p{Emoji_Modifier}|[\u{E0020}-\u{E007F}])*`;
const EMOJI = new RegExp(`${EMOJI_UNIT}(?:\\u200D${EMOJI_UNIT})*`, 'u');
/** The token brackets themselves: a text that contains them gets them masked too, so tokens stay unambiguous. */
const RESERVED = /[⟦⟧]/u;

const MASKED = new RegExp([URL_PATTERN, HASHTAG, MENTION, KEYCAP, FLAG, EMOJI, RESERVED].map((pattern) => `(?:${pattern.source})`).join('|'), 'gu');
const URL_START = /^(?:https?:\/\/|www\.)/;
// Punctuation that ends a sentence rather than the link: "see https://x.org." keeps the dot outside.
const URL_TRAILING = /[.,;:!?'")\]#]+$/;
const TOKEN = /⟦\s*(\d+)\s*⟧/g;
const SENTENCE_END = /[.!?…;。！？；]/;
const LETTER = /\p{L}/u;

export const DEFAULT_MAX_SEGMENT_CHARS = 1000;

export type MaskedPart = { literal: string } | { segment: number };

export interface MaskedText {
  /** What the translator sees: pieces of single lines with tokens, each with at least one letter. */
  segments: string[];
  /** The text rebuilt from literals (line breaks, spacing, token-only runs) and segment slots. */
  parts: MaskedPart[];
  /** Token n stands for tokens[n]. */
  tokens: string[];
}

export const tokenText = (index: number) => `⟦${index}⟧`;

const HASHTAG_AT = new RegExp(HASHTAG.source, 'uy');

/**
 * A link ends at the first non-ASCII character, but a #fragment in it may be
 * the start of a hashtag in any script (readers' apps link #话题 glued to a
 * link): the token then runs to the hashtag's end so no part of it is translated.
 */
function urlWithHashtag(text: string, start: number, url: string): string {
  let end = start + url.length;
  for (let i = url.indexOf('#'); i >= 0; i = url.indexOf('#', i + 1)) {
    HASHTAG_AT.lastIndex = start + i;
    const hashtag = HASHTAG_AT.exec(text);
    if (hashtag) end = Math.max(end, start + i + hashtag[0].length);
  }
  return text.slice(start, end);
}

/** Replaces hashtags, mentions, links and emoji with tokens; returns the text with tokens and the originals. */
export function maskTokens(text: string, tokens: string[] = []): { masked: string; tokens: string[] } {
  const pattern = new RegExp(MASKED);
  let masked = '';
  let last = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    let original = match[0];
    if (URL_START.test(original)) original = urlWithHashtag(text, match.index, original.replace(URL_TRAILING, ''));
    masked += text.slice(last, match.index) + tokenText(tokens.length);
    tokens.push(original);
    last = match.index + original.length;
    // Whatever a link gave back (a closing bracket, a #hashtag glued to it) is scanned again.
    pattern.lastIndex = last;
  }
  return { masked: masked + text.slice(last), tokens };
}

/** Tokens a translator wrote with stray spaces (⟦ 3 ⟧) are read as the token. */
export function normaliseTokens(text: string): string {
  return text.replace(TOKEN, (_, index: string) => tokenText(Number(index)));
}

function tokenIds(text: string): string[] {
  return [...text.matchAll(TOKEN)].map((match) => String(Number(match[1]))).sort();
}

/** True when the translation has every token of the source exactly once and no other. */
export function tokensMatch(source: string, translated: string): boolean {
  const a = tokenIds(source);
  const b = tokenIds(translated);
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

const hasLetters = (masked: string) => LETTER.test(masked.replace(TOKEN, ''));

/** Where to cut a too-long line: after a sentence, else at a space, else anywhere outside a token. */
function cutIndex(text: string, max: number): number {
  const floor = Math.floor(max / 4);
  for (let i = max; i > floor; i -= 1) {
    if (SENTENCE_END.test(text[i - 1]!) && (/\s/.test(text[i] ?? ' ') || /[。！？；]/.test(text[i - 1]!))) return i;
  }
  for (let i = max; i > floor; i -= 1) if (/\s/.test(text[i]!)) return i;
  let cut = max;
  const open = text.lastIndexOf('⟦', cut - 1);
  if (open >= 0 && text.indexOf('⟧', open) >= cut) cut = open > 0 ? open : text.indexOf('⟧', open) + 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return cut;
}

function pushLine(core: string, max: number, parts: MaskedPart[], segments: string[]): void {
  let rest = core;
  while (rest !== '') {
    let head = rest;
    let tail = '';
    if (rest.length > max) {
      const cut = cutIndex(rest, max);
      head = rest.slice(0, cut);
      tail = rest.slice(cut);
    }
    const trimmed = head.trimEnd();
    const gap = head.slice(trimmed.length) + (/^\s*/.exec(tail)?.[0] ?? '');
    if (hasLetters(trimmed)) {
      parts.push({ segment: segments.length });
      segments.push(trimmed);
    } else if (trimmed !== '') {
      parts.push({ literal: trimmed });
    }
    if (gap !== '') parts.push({ literal: gap });
    rest = tail.slice(gap.length - (head.length - trimmed.length));
  }
}

/**
 * Splits text into translatable segments: one per line (long lines cut at
 * sentence ends so a request stays small), with the masked spans as tokens.
 * Lines with no letters left (emoji, hashtags, numbers) are kept as they are.
 */
export function maskText(text: string, options: { maxSegmentChars?: number } = {}): MaskedText {
  const max = Math.max(16, options.maxSegmentChars ?? DEFAULT_MAX_SEGMENT_CHARS);
  const { masked, tokens } = maskTokens(text);
  const parts: MaskedPart[] = [];
  const segments: string[] = [];
  for (const piece of masked.split(/(\r\n|\n|\r)/)) {
    if (/^(\r\n|\n|\r)$/.test(piece)) {
      parts.push({ literal: piece });
      continue;
    }
    const lead = /^\s*/.exec(piece)![0];
    const core = piece.slice(lead.length).trimEnd();
    const trail = piece.slice(lead.length + core.length);
    if (lead) parts.push({ literal: lead });
    pushLine(core, max, parts, segments);
    if (trail) parts.push({ literal: trail });
  }
  return { segments, parts, tokens };
}

export class TokenMismatchError extends Error {}

/** Rebuilds the text around translated segments and puts every masked original back. */
export function restoreText(masked: MaskedText, translated: readonly string[]): string {
  if (translated.length !== masked.segments.length) {
    throw new TokenMismatchError(`expected ${masked.segments.length} segments, got ${translated.length}`);
  }
  const texts = translated.map((text, i) => {
    const normalised = normaliseTokens(text);
    if (!tokensMatch(masked.segments[i]!, normalised)) throw new TokenMismatchError(`segment ${i} lost, duplicated or invented a token`);
    return normalised;
  });
  const joined = masked.parts.map((part) => ('literal' in part ? part.literal : texts[part.segment]!)).join('');
  return joined.replace(TOKEN, (_, index: string) => masked.tokens[Number(index)]!);
}
