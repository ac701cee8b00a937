import { tokenizeRichText } from '../notes/rich-text';

/**
 * The caption over a video: title and text without their #hashtags, which show as links
 * of their own right below (links cannot sit inside the tap-to-expand button).
 */
export function captionText(title: string, body: string): string {
  const text = tokenizeRichText(body)
    .filter((token) => token.type !== 'topic')
    .map((token) => token.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return [title.trim(), text].filter(Boolean).join(' · ');
}
