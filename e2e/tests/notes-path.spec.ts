import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import sharp from 'sharp';
import { signInThroughPage } from './sign-in-helpers.js';

// The everyday loop, across the language gap: an English-speaking author posts
// a note with three photos and two hashtags; a reader using the Chinese
// interface finds it by a Chinese and an English word, likes, collects,
// comments and follows; the author replies; both get their notifications.

const photo = async (color: string) => ({
  name: `photo-${color.slice(1)}.png`,
  mimeType: 'image/png',
  buffer: await sharp({ create: { width: 900, height: 1200, channels: 3, background: color } })
    .png()
    .toBuffer(),
});

async function newUser(browser: Browser, locale: string, phone: { country: string; national: string; e164: string }, handle: string, name: string) {
  const context: BrowserContext = await browser.newContext({ locale, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/');
  await signInThroughPage(page, context.request, { country: phone.country, nationalNumber: phone.national, e164: phone.e164 });
  await page.getByTestId('handle-input').fill(handle);
  await page.getByTestId('display-name-input').fill(name);
  await page.getByTestId('onboarding-submit').click();
  await expect(page.getByTestId('profile-display-name')).toHaveText(name);
  return { context, page };
}

async function searchFor(page: Page, query: string, title: string) {
  await page.goto('/search');
  await page.getByTestId('search-input').fill(query);
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('search-result-note').filter({ hasText: title }).first()).toBeVisible();
}

test('post, discover, engage and get notified, in English and in Chinese', async ({ browser }) => {
  test.setTimeout(120_000);
  const title = 'Mochi pays cat tax';
  const author = await newUser(browser, 'en-US', { country: 'US', national: '415 555 0142', e164: '+14155550142' }, 'ohio_ann', 'Ann');
  const reader = await newUser(browser, 'zh-CN', { country: 'CN', national: '139 1234 5678', e164: '+8613912345678' }, 'meimei', '美美');

  // The author posts three photos and two hashtags.
  const { page } = author;
  await page.getByTestId('tab-post').click();
  await page.getByTestId('composer-file-input').setInputFiles([await photo('#e85d75'), await photo('#5d8be8'), await photo('#5de8a0')]);
  await expect(page.locator('[data-testid="composer-image"][data-status="done"]')).toHaveCount(3, { timeout: 30_000 });
  await page.getByTestId('composer-title').fill(title);
  await page.getByTestId('composer-body').fill('Hello from Ohio! Mochi is a 橘猫 with opinions. #TikTokRefugee #交猫税');
  await page.getByTestId('composer-publish').click();
  await expect(page.getByTestId('note-title')).toHaveText(title);
  await expect(page.getByTestId('note-body').getByRole('link', { name: '#交猫税' })).toBeVisible();
  const noteUrl = page.url();

  // It is in the topic's grid (latest) and on the author's profile grid.
  await page.getByTestId('note-body').getByRole('link', { name: '#TikTokRefugee' }).click();
  await page.getByTestId('topic-sort-latest').click();
  await expect(page.getByTestId('note-card').filter({ hasText: title }).first()).toBeVisible();
  await expect(page.getByTestId('topic-discussions')).toBeVisible();

  // The reader (Chinese interface) finds it by a Chinese word and by an English word.
  const r = reader.page;
  await searchFor(r, '橘猫', title);
  await searchFor(r, 'mochi', title);
  await r.getByTestId('search-result-note').filter({ hasText: title }).first().click();
  await expect(r.getByTestId('note-title')).toHaveText(title);
  await expect(r.getByTestId('note-like')).toHaveAccessibleName(/[\u4e00-\u9fff]/);

  // Buttons update at once (optimistic); wait for the server too, so the author's notifications are there.
  const saved = (part: string, method = 'PUT') =>
    r.waitForResponse((response) => response.url().includes(part) && response.request().method() === method && response.ok());
  await Promise.all([saved('/like'), r.getByTestId('note-like').click()]);
  await expect(r.getByTestId('note-like-count')).toHaveText('1');
  await r.getByTestId('note-collect').click();
  await Promise.all([saved('/collect'), r.getByTestId('board-option').first().click()]);
  await expect(r.getByTestId('note-collect')).toHaveAttribute('aria-pressed', 'true');
  await r.getByTestId('comment-input').fill('欢迎来到小红书风格的桥！');
  await Promise.all([saved('/comments', 'POST'), r.getByTestId('comment-submit').click()]);
  await expect(r.getByTestId('comment-item').filter({ hasText: '欢迎来到' })).toBeVisible();
  await Promise.all([saved('/follow'), r.getByTestId('follow-button').first().click()]);
  await expect(r.getByTestId('follow-button').first()).toHaveAttribute('aria-pressed', 'true');

  // The author sees the notifications and replies.
  await page.getByTestId('tab-messages').click();
  const items = page.getByTestId('notification-item');
  await expect(items.filter({ hasText: /liked/i })).toHaveCount(1);
  await expect(items.filter({ hasText: /collected|saved/i })).toHaveCount(1);
  await expect(items.filter({ hasText: /comment/i })).toHaveCount(1);
  await expect(items.filter({ hasText: /follow/i })).toHaveCount(1);
  await page.goto(noteUrl);
  const comment = page.getByTestId('comment-item').filter({ hasText: '欢迎来到' }).first();
  await comment.getByTestId('comment-reply').click();
  await page.getByTestId('comment-input').fill('Thank you! 谢谢！');
  await Promise.all([
    page.waitForResponse((response) => response.url().includes('/comments') && response.request().method() === 'POST' && response.ok()),
    page.getByTestId('comment-submit').click(),
  ]);
  await expect(page.getByTestId('comment-item').filter({ hasText: 'Thank you!' }).last()).toBeVisible();

  // The reader hears of the reply, in Chinese.
  await r.getByTestId('tab-messages').click();
  await expect(r.getByTestId('notification-item').first()).toContainText('Ann');
  await expect(r.getByTestId('notification-item').first()).toContainText(/[\u4e00-\u9fff]/);

  await author.context.close();
  await reader.context.close();
});
