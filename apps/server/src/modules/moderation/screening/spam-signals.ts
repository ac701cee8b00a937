import { MENTION } from '../../notes/note-text.js';

// Counts that spam rules weigh: links and @mentions. Mentions use the notes
// module's own pattern, so what counts here is what the app links and notifies.

// Dots as evaders write them: ".", full-width "．", ideographic "。", "[.]", "(dot)".
const DOT = String.raw`(?:\.|．|。|\[\.\]|\(\.\)|\s?[\[(]dot[\])]\s?)`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62}[\p{L}\p{N}])?`;
// Top-level domains seen in link spam; a bare "word.word" is too often just prose ("e.g.", "3.5").
const TLD = String.raw`(?:com|net|org|info|biz|io|co|me|ly|cc|tv|to|gg|xyz|top|site|online|club|shop|store|vip|live|link|app|dev|ru|cn|tk|ml|ga|cf|gq|us|uk|de|jp|kr|hk|tw|es|mx|br|in)`;
const LINK = new RegExp(
  String.raw`\bhttps?:\/\/[^\s<>"']+|\bwww${DOT}[^\s<>"']+|(?<![\p{L}\p{N}@._-])(?:${LABEL}${DOT})+${TLD}(?![\p{L}\p{N}])(?:\/[^\s<>"']*)?`,
  'giu',
);

/** Links in a text: URLs with a scheme, www. addresses and bare domains ("bit.ly/x", "spam[.]com"). */
export function countLinks(text: string): number {
  let count = 0;
  for (const _ of text.normalize('NFKC').matchAll(LINK)) count += 1;
  return count;
}

/** @mentions in a text, each occurrence counted (repeated mentions are a spam signal). */
export function countMentions(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(MENTION)) count += 1;
  return count;
}
