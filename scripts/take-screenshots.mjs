#!/usr/bin/env node
// Regenerates the README's screenshots: starts the server on a scratch data
// directory, walks the sign-in flow in Debian's Chromium at phone size, saves PNGs.
// Usage: node scripts/take-screenshots.mjs [accounts] [demo] [video] [translation] [why] [moderation]
// (all when none is named; needs a built web app: npm run build -w apps/web)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium, request } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs/screenshots');
const port = process.env.SCREENSHOT_PORT ?? '3300';
const base = `http://127.0.0.1:${port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-shots-'));
fs.chmodSync(dataDir, 0o755);
const only = process.argv.slice(2);
const wanted = (group) => only.length === 0 || only.includes(group);

// Translations come from the tests' fake LibreTranslate (real wire format), on the next port.
const translatorPort = String(Number(port) + 1);
const translator = spawn(path.join(root, 'node_modules/.bin/tsx'), ['e2e/fake-translator.ts', translatorPort], { cwd: root, stdio: 'ignore' });
const server = spawn(path.join(root, 'node_modules/.bin/tsx'), ['apps/server/src/main.ts'], {
  cwd: root,
  stdio: 'ignore',
  env: {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: port,
    DATA_DIR: dataDir,
    LIBRETRANSLATE_URL: `http://127.0.0.1:${translatorPort}`,
    // The browser tests' two rulebooks (default and cn), so a restriction has somewhere to apply.
    MODERATION_POLICY_FILE: path.join(root, 'e2e/moderation-policy.json'),
  },
});
try {
  for (let i = 0; ; i += 1) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      if (i > 240) throw new Error('server did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const shoot = async (locale, phone, country, national, handle, name, shots) => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale });
    await page.goto(`${base}/me`);
    await page.getByTestId('country-select').selectOption(country);
    await page.getByTestId('phone-input').fill(national);
    if (shots.signIn) await page.screenshot({ path: path.join(out, shots.signIn) });
    await page.getByTestId('send-code').click();
    await page.getByTestId('code-input').waitFor();
    if (shots.code) await page.screenshot({ path: path.join(out, shots.code) });
    const inbox = await (await fetch(`${base}/api/dev/sms?to=${encodeURIComponent(phone)}`)).json();
    await page.getByTestId('code-input').fill(inbox.messages[0].code);
    await page.getByTestId('handle-input').fill(handle);
    await page.getByTestId('display-name-input').fill(name);
    await page.getByTestId('onboarding-submit').click();
    await page.getByTestId('profile-display-name').waitFor();
    await page.screenshot({ path: path.join(out, shots.profile) });
    await page.close();
  };
  if (wanted('accounts')) {
    await shoot('en-US', '+14155552671', 'US', '415 555 2671', 'ann_from_sf', 'Ann', { signIn: 'sign-in.png', code: 'code.png', profile: 'profile.png' });
    await shoot('zh-CN', '+8613800138000', 'CN', '138 0013 8000', 'meilin_sh2', '美琳', { profile: 'profile-zh.png' });
  }
  // The demo world: explore grid, a note page and a topic page.
  for (const [locale, suffix] of wanted('demo')
    ? [
        ['en-US', ''],
        ['zh-CN', '-zh'],
      ]
    : []) {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale });
    await page.goto(`${base}/`);
    await page.getByTestId('note-card').nth(3).waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(out, `explore${suffix}.png`) });
    await page.getByTestId('note-card').first().click();
    await page.getByTestId('note-title').waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(out, `note${suffix}.png`) });
    await page.goto(`${base}/topics/TikTokRefugee`);
    await page.getByTestId('topic-views').waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(out, `topic${suffix}.png`) });
    await page.close();
  }
  // A Chinese note translated for an English reader (signed out: the interface language is what
  // they read). Written in words the fake translator's small dictionary knows, on a demo photo.
  if (wanted('translation')) {
    const author = await request.newContext({ baseURL: base });
    const phone = '+8613912340088';
    await author.post('/api/auth/code', { data: { phone, country: 'CN' } });
    const inbox = await (await author.get(`/api/dev/sms?to=${encodeURIComponent(phone)}`)).json();
    await author.post('/api/auth/verify', { data: { phone, code: inbox.messages[0].code } });
    await author.patch('/api/me', { data: { handle: 'chen_hikes', displayName: '陈晨', language: 'zh-CN', region: 'CN' } });
    const feed = await (await author.get('/api/feed?limit=20')).json();
    const cover = feed.items.find((card) => card.kind === 'image').cover;
    const photo = await (await author.get(cover.variants.at(-1)?.url ?? cover.url)).body();
    const upload = await author.post('/api/media/images', { multipart: { file: { name: 'hike.webp', mimeType: 'image/webp', buffer: photo } } });
    const { image } = await upload.json();
    const created = await author.post('/api/notes', {
      data: { title: '周末去爬山', body: '今天天气很好，我们去爬山了！\n风景太美了 #周末爬山 #travel', imageIds: [image.id] },
    });
    const note = await created.json();
    await author.post(`/api/notes/${note.id}/comments`, { data: { body: '你好，朋友！一起去爬山' } });
    await author.dispose();
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'en-US' });
    await page.goto(`${base}/notes/${note.id}`);
    await page.getByTestId('note-title').waitFor();
    await page.locator('.note-page__content').getByTestId('translate-button').click();
    await page.locator('.note-page__content').getByTestId('translate-see-original').waitFor();
    // The end of the photo, the translated text with its toggle, and a comment still in Chinese.
    await page.getByTestId('note-title').evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 330));
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(out, 'translation.png') });
    await page.close();
  }
  // "Why am I seeing this?" on a For-you card: the recommender's reason, Not interested, Report.
  for (const [locale, suffix] of wanted('why')
    ? [
        ['en-US', ''],
        ['zh-CN', '-zh'],
      ]
    : []) {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale });
    await page.goto(`${base}/`);
    await page.getByTestId('note-card').nth(3).waitFor();
    await page.waitForTimeout(800);
    await page.getByTestId('why-button').first().click();
    await page.getByTestId('why-reason').waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(out, `why-this-note${suffix}.png`) });
    await page.close();
  }
  // The Video tab, once the demo videos are transcoded (they start processing at first start).
  for (let i = 0; i < (wanted('video') ? 120 : 0); i += 1) {
    const feed = await (await fetch(`${base}/api/feed/videos?limit=1`)).json();
    if (feed.items.length) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  for (const [locale, suffix] of wanted('video')
    ? [
        ['en-US', ''],
        ['zh-CN', '-zh'],
      ]
    : []) {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale });
    await page.goto(`${base}/video`);
    await page.getByTestId('video-item').first().waitFor();
    await page.waitForTimeout(2500);
    await page.screenshot({ path: path.join(out, `video${suffix}.png`) });
    await page.close();
  }

  // Trust and safety: the moderator console in Chinese, a case with its machine translation
  // side by side (desktop), and the author's statement of reasons.
  if (wanted('moderation')) {
    const sql = async (text, values) => {
      const lock = JSON.parse(fs.readFileSync(path.join(dataDir, 'qiao.lock'), 'utf8'));
      const secrets = JSON.parse(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8'));
      const client = new pg.Client({
        connectionString: `postgres://qiao:${encodeURIComponent(secrets.embeddedPgPassword)}@127.0.0.1:${lock.embeddedPgPort}/qiao`,
      });
      await client.connect();
      try {
        await client.query(text, values);
      } finally {
        await client.end();
      }
    };
    const person = async (phone, country, handle, displayName, language, admin = false) => {
      const api = await request.newContext({ baseURL: base });
      await api.post('/api/auth/code', { data: { phone, country, language } });
      const inbox = await (await api.get(`/api/dev/sms?to=${encodeURIComponent(phone)}`)).json();
      const verified = await (await api.post('/api/auth/verify', { data: { phone, code: inbox.messages[0].code } })).json();
      // Before the session is first read, so it is read as an admin's (by id: numbers are stored encrypted).
      if (admin) await sql("update users set role = 'admin' where id = $1", [verified.user.id]);
      await api.patch('/api/me', { data: { handle, displayName, language } });
      return api;
    };
    const admin = await person('+14155550390', 'US', 'ops_ada', 'Ada', 'en', true);
    const author = await person('+14155550391', 'US', 'lucky_len', 'Len', 'en');
    const reader = await person('+14155550392', 'US', 'rita_reads', 'Rita', 'en');
    const moderator = await person('+14155550393', 'US', 'mei_mod', '梅', 'zh-CN');
    await admin.put('/api/admin/moderators/mei_mod', { data: { rulebooks: ['cn', 'default'], languages: ['en', 'zh'] } });
    const feed = await (await reader.get('/api/feed?limit=20')).json();
    const cover = feed.items.find((card) => card.kind === 'image').cover;
    const photo = await (await author.get(cover.variants.at(-1)?.url ?? cover.url)).body();
    const { image } = await (
      await author.post('/api/media/images', { multipart: { file: { name: 'spins.webp', mimeType: 'image/webp', buffer: photo } } })
    ).json();
    const note = await (
      await author.post('/api/notes', {
        data: {
          title: 'Hello friends, weekend food together',
          body: 'I love the weather today. Free spins at the lucky casino tonight! #jackpot',
          imageIds: [image.id],
        },
      })
    ).json();
    await reader.post('/api/reports', { data: { subject: { type: 'note', id: note.id }, category: 'gambling', details: 'Casino advertising in my feed.' } });
    // A few more reports on demo notes, so the queue shows its order.
    const reasons = [
      ['self-harm', 'Could hurt someone.'],
      ['misinformation', 'This health claim is false.'],
      ['spam', ''],
    ];
    for (const [i, card] of feed.items
      .filter((item) => item.kind === 'image')
      .slice(0, 3)
      .entries()) {
      await reader.post('/api/reports', {
        data: { subject: { type: 'note', id: card.id }, category: reasons[i][0], ...(reasons[i][1] ? { details: reasons[i][1] } : {}) },
      });
    }
    const cases = await (await moderator.get('/api/moderation/queue?kind=reports')).json();
    const caseId = cases.items.find((item) => item.subject.id === note.id).id;
    const shot = async (api, locale, url, file, viewport, ready) => {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale, storageState: await api.storageState() });
      const page = await context.newPage();
      await page.goto(`${base}${url}`);
      await page.getByTestId(ready).first().waitFor();
      await page.waitForTimeout(1200);
      await page.screenshot({ path: path.join(out, file) });
      await context.close();
    };
    await shot(moderator, 'zh-CN', '/moderation', 'moderation-console-zh.png', { width: 390, height: 844 }, 'queue-item');
    await shot(moderator, 'zh-CN', `/moderation/cases/${caseId}`, 'moderation-case-zh.png', { width: 1440, height: 900 }, 'case-translation');
    await moderator.post(`/api/moderation/cases/${caseId}/actions`, {
      data: {
        action: 'restrict',
        rulebooks: ['cn'],
        rule: 'community-guidelines/gambling',
        reason: 'Promotes a casino; gambling promotion is not allowed under the cn rulebook.',
      },
    });
    const statements = await (await author.get('/api/me/statements')).json();
    await shot(
      author,
      'en-US',
      `/me/safety/statements/${statements.items[0].id}`,
      'moderation-statement.png',
      { width: 390, height: 844 },
      'statement-details',
    );
    // Privacy: a staff reveal with its reason, as the person reads it in the privacy centre,
    // and the privacy controls in settings.
    const authorId = (await (await author.get('/api/me')).json()).id;
    await moderator.post(`/api/staff/users/${authorId}/phone/reveal`, { data: { reason: 'report #812: possible scam account' } });
    await shot(author, 'en-US', '/me/privacy', 'privacy-centre.png', { width: 390, height: 844 }, 'staff-access-item');
    {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 1,
        locale: 'en-US',
        storageState: await author.storageState(),
      });
      const page = await context.newPage();
      await page.goto(`${base}/settings`);
      const section = page.getByTestId('privacy-controls');
      await section.waitFor();
      await page.waitForTimeout(800);
      await section.screenshot({ path: path.join(out, 'privacy-controls.png') });
      await context.close();
    }
    for (const api of [admin, author, reader, moderator]) await api.dispose();
  }
  await browser.close();
} finally {
  server.kill('SIGTERM');
  translator.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
