import type { ExportData } from './export-queries.js';

// The export's index.html: opens offline from the unzipped folder, with its own
// small stylesheet, no scripts and nothing fetched from anywhere; every note
// and media file is linked by a relative path inside the zip.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** A relative link that survives odd characters (paths come from ids, but stay safe anyway). */
const href = (path: string) => escapeHtml(path.split('/').map(encodeURIComponent).join('/'));

const CSS = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC",sans-serif;margin:0;color:#1f1f1f;background:#fafafa}
header{background:#ff2442;color:#fff;padding:16px 20px}h1{margin:0;font-size:20px}
main{max-width:860px;margin:0 auto;padding:16px}section{background:#fff;border-radius:12px;padding:12px 16px;margin:12px 0;box-shadow:0 1px 2px #0001}
h2{font-size:17px;margin:4px 0 8px}ul{padding-left:20px}a{color:#c4122f}
article{border-top:1px solid #eee;padding:10px 0}article h3{margin:0;font-size:15px}
.media{display:flex;flex-wrap:wrap;gap:8px;margin-top:6px}.media img{max-width:160px;max-height:160px;border-radius:8px;object-fit:cover}
.meta{color:#666;font-size:13px}p{white-space:pre-wrap;margin:4px 0}
@media (prefers-color-scheme:dark){body{background:#111;color:#eee}section{background:#1c1c1c}.meta{color:#aaa}a{color:#ff6b81}article{border-color:#333}}
`;

export function renderExportIndex(data: ExportData, sectionFiles: readonly string[], generatedAt: Date): string {
  const who = escapeHtml(data.profile.displayName ?? data.profile.handle ?? '');
  const files = sectionFiles.map((file) => `<li><a href="${href(file)}">${escapeHtml(file)}</a></li>`).join('');
  const notes = data.notes
    .map((note) => {
      const media = note.media
        .map((item) =>
          item.type === 'image'
            ? `<a href="${href(item.file)}"><img src="${href(item.file)}" alt="${escapeHtml(item.alt ?? '')}" loading="lazy"></a>`
            : `<a href="${href(item.file)}">video (${item.width ?? '?'}×${item.height ?? '?'})</a>`,
        )
        .join('');
      const state = note.deletedAt ? ' · deleted' : note.moderationState !== 'live' ? ` · ${escapeHtml(note.moderationState)}` : '';
      return (
        `<article id="note-${escapeHtml(note.id)}"><h3><a href="#note-${escapeHtml(note.id)}">${escapeHtml(note.title || '(no title)')}</a></h3>` +
        `<div class="meta">${escapeHtml(note.createdAt ?? '')}${state}${note.topics.length ? ` · ${note.topics.map((t) => `#${escapeHtml(t)}`).join(' ')}` : ''}</div>` +
        `<p>${escapeHtml(note.body)}</p>${media ? `<div class="media">${media}</div>` : ''}</article>`
      );
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Qiao data export — ${who}</title><style>${CSS}</style></head>
<body><header><h1>Your Qiao data</h1><div>${who} · @${escapeHtml(data.profile.handle ?? '')} · exported ${escapeHtml(generatedAt.toISOString())}</div></header>
<main>
<section><h2>Machine-readable files</h2><p>Each file is JSON (UTF-8). Media files are the largest copies the service kept.</p><ul>${files}</ul></section>
<section><h2>Notes (${data.notes.length})</h2>
${notes || '<p>No notes.</p>'}
</section>
</main></body></html>
`;
}
