import type { ViewerContext } from '../../kernel/viewer-context.js';
import type { NoteHydrator } from './note-hydrator.js';

// A shared note link (/notes/123) previews in chat apps and other sites: they
// read Open Graph tags from the HTML and run no JavaScript, so the server puts
// the note's title, text and cover into the page it sends.

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const excerpt = (text: string, max: number) => {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
};

/** The <head> tags for a note page, or null when the path is not a visible note. */
/** `visitor`: link previewers are anonymous, so the preview shows what a signed-out visitor from there would see. */
export async function noteOpenGraphTags(hydrator: NoteHydrator, path: string, origin: string, visitor: ViewerContext): Promise<string | null> {
  const match = /^\/notes\/([0-9]{1,18})\/?(?:[?#].*)?$/.exec(path);
  if (!match) return null;
  let note;
  try {
    note = await hydrator.view(match[1]!, visitor);
  } catch {
    return null;
  }
  const title = excerpt(note.title || note.body || `@${note.author.handle}`, 80);
  const description = excerpt(note.body || note.title, 200);
  const cover = note.images[0];
  const absolute = (url: string) => (/^https?:\/\//.test(url) ? url : `${origin}${url}`);
  const tags: Array<[string, string]> = [
    ['og:type', 'article'],
    ['og:site_name', 'Qiao 桥'],
    ['og:title', `${title} · ${note.author.displayName}`],
    ['og:description', description],
    ['og:url', `${origin}/notes/${note.id}`],
    ['twitter:card', cover ? 'summary_large_image' : 'summary'],
  ];
  if (cover) {
    tags.push(['og:image', absolute(cover.url)], ['og:image:width', String(cover.variants.find((v) => v.url === cover.url)?.width ?? cover.width)]);
    if (cover.alt) tags.push(['og:image:alt', cover.alt]);
  }
  return [
    `<title>${escapeHtml(title)} · Qiao</title>`,
    `<meta name="description" content="${escapeHtml(description)}">`,
    ...tags.map(([property, content]) => `<meta property="${property}" content="${escapeHtml(content)}">`),
  ].join('\n    ');
}
