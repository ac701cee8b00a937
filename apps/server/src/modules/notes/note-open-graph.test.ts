import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadImages } from '../../../test/media-fixtures.js';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-og-'));
beforeAll(async () => {
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html><head><title>Qiao · 桥</title></head><body><div id="root"></div></body></html>');
  t = await createTestApp({ env: { WEB_DIST_DIR: dist } });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('shared note links', () => {
  it('carry Open Graph tags with the title, text and cover, escaped', async () => {
    const { cookie } = await signIn(t, '+14155552671', { handle: 'og_ann', displayName: 'Ann' });
    const imageIds = await uploadImages(t, cookie, 2);
    const note = (
      await t.app.inject({
        method: 'POST',
        url: '/api/notes',
        payload: { title: 'Cats & "dogs" <3', body: 'Mochi naps all day. #交猫税', imageIds },
        headers: { cookie },
      })
    ).json();
    const page = await t.app.inject({ url: `/notes/${note.id}`, headers: { host: 'qiao.example' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<meta property="og:title" content="Cats &amp; &quot;dogs&quot; &lt;3 · Ann">');
    expect(page.body).toContain('<meta property="og:description" content="Mochi naps all day. #交猫税">');
    expect(page.body).toMatch(/<meta property="og:image" content="http:\/\/qiao\.example\/media\/images\/[^"]+\.webp">/);
    expect(page.body).toContain(`<meta property="og:url" content="http://qiao.example/notes/${note.id}">`);
    expect(page.body).toContain('<div id="root"></div>');
    expect(page.body).not.toContain('<title>Qiao · 桥</title>');
  });

  it('keeps replacement patterns in the text as text (regression: $& spliced the shell into the tags)', async () => {
    const { cookie } = await signIn(t, '+14155552672', { handle: 'og_dollar', displayName: 'Dollar' });
    const imageIds = await uploadImages(t, cookie, 1);
    const note = (
      await t.app.inject({ method: 'POST', url: '/api/notes', payload: { title: 'Price $& more $`', body: "$' tail", imageIds }, headers: { cookie } })
    ).json();
    const page = await t.app.inject({ url: `/notes/${note.id}` });
    expect(page.body).toContain('<meta property="og:title" content="Price $&amp; more $` · Dollar">');
    expect(page.body.match(/<html>/g)).toHaveLength(1);
    expect(page.body.match(/<div id="root">/g)).toHaveLength(1);
  });

  it('falls back to the plain app shell for unknown or deleted notes', async () => {
    const page = await t.app.inject({ url: '/notes/987654321' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Qiao · 桥</title>');
    expect(page.body).not.toContain('og:title');
  });
});
