#!/usr/bin/env node
// Regenerates the README's screenshots: starts the server on a scratch data
// directory, walks the sign-in flow in Debian's Chromium at phone size, saves PNGs.
// Usage: node scripts/take-screenshots.mjs   (needs a built web app: npm run build -w apps/web)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs/screenshots');
const port = process.env.SCREENSHOT_PORT ?? '3300';
const base = `http://127.0.0.1:${port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-shots-'));
fs.chmodSync(dataDir, 0o755);

const server = spawn(path.join(root, 'node_modules/.bin/tsx'), ['apps/server/src/main.ts'], {
  cwd: root,
  stdio: 'ignore',
  env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: port, DATA_DIR: dataDir },
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
  await shoot('en-US', '+14155552671', 'US', '415 555 2671', 'ann_from_sf', 'Ann', { signIn: 'sign-in.png', code: 'code.png', profile: 'profile.png' });
  await shoot('zh-CN', '+8613800138000', 'CN', '138 0013 8000', 'meilin_sh2', '美琳', { profile: 'profile-zh.png' });
  // The demo world: explore grid, a note page and a topic page.
  for (const [locale, suffix] of [['en-US', ''], ['zh-CN', '-zh']]) {
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
  // The Video tab, once the demo videos are transcoded (they start processing at first start).
  for (let i = 0; i < 120; i += 1) {
    const feed = await (await fetch(`${base}/api/feed/videos?limit=1`)).json();
    if (feed.items.length) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  for (const [locale, suffix] of [['en-US', ''], ['zh-CN', '-zh']]) {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale });
    await page.goto(`${base}/video`);
    await page.getByTestId('video-item').first().waitFor();
    await page.waitForTimeout(2500);
    await page.screenshot({ path: path.join(out, `video${suffix}.png`) });
    await page.close();
  }
  await browser.close();
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
