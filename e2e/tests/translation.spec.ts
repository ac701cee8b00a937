import { type APIRequestContext, expect, test } from '@playwright/test';
import sharp from 'sharp';
import { latestCode, signInThroughPage } from './sign-in-helpers.js';

// Across the language gap: a Chinese-speaking author posts a note; an English-speaking
// reader opens it, taps Translate, reads the translation (from the e2e server's fake
// LibreTranslate, see start-server.mjs), and taps See original to go back.

const TITLE = '周末去爬山';
const BODY = '今天天气很好，我们去爬山了！\n风景太美了 #周末爬山';

/** The Chinese author, through the API: code, verify, profile, one photo, one note. */
async function postChineseNote(request: APIRequestContext): Promise<string> {
  const phone = '+8613912340006';
  expect((await request.post('/api/auth/code', { data: { phone, country: 'CN', language: 'zh-CN' } })).status()).toBe(202);
  const verified = await request.post('/api/auth/verify', { data: { phone, code: await latestCode(request, phone) } });
  expect(verified.ok()).toBe(true);
  const profile = await request.patch('/api/me', { data: { handle: 'pa_shan_mei', displayName: '小美', language: 'zh-CN', region: 'CN' } });
  expect(profile.ok()).toBe(true);

  const photo = await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#6aa84f' } })
    .png()
    .toBuffer();
  const upload = await request.post('/api/media/images', { multipart: { file: { name: 'mountain.png', mimeType: 'image/png', buffer: photo } } });
  expect(upload.status()).toBe(201);
  const { image } = (await upload.json()) as { image: { id: string } };

  const created = await request.post('/api/notes', { data: { title: TITLE, body: BODY, imageIds: [image.id] } });
  expect(created.status()).toBe(201);
  const note = (await created.json()) as { id: string; language?: string | null };
  // Detected on write: what makes the Translate button appear for an English reader.
  expect(note.language).toBe('zh');
  return note.id;
}

test('an English reader translates a Chinese note and goes back to the original', async ({ browser, request }) => {
  const noteId = await postChineseNote(request);

  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/');
  await signInThroughPage(page, context.request, { country: 'US', nationalNumber: '415 555 0163', e164: '+14155550163' });
  await page.getByTestId('handle-input').fill('hiker_joe');
  await page.getByTestId('display-name-input').fill('Joe');
  await page.getByTestId('onboarding-submit').click();
  await expect(page.getByTestId('profile-display-name')).toHaveText('Joe');

  await page.goto(`/notes/${noteId}`);
  const title = page.getByTestId('note-title');
  const body = page.getByTestId('note-body');
  await expect(title).toHaveText(TITLE);
  const toggle = page.locator('.note-page__content').getByTestId('translate-toggle');
  await expect(toggle.getByTestId('translate-button')).toHaveText('Translate');

  // In place: the title and text become the provider's English, the hashtag stays a link.
  await toggle.getByTestId('translate-button').click();
  await expect(title).toHaveText('Weekend went hiking');
  await expect(body).toContainText('Today the weather is great, we went hiking!');
  await expect(body).not.toContainText('今天天气很好');
  await expect(body.getByRole('link', { name: '#周末爬山' })).toBeVisible();
  await expect(toggle.getByTestId('translate-attribution')).toHaveText('Translated from Chinese by LibreTranslate');

  // And back.
  await toggle.getByTestId('translate-see-original').click();
  await expect(title).toHaveText(TITLE);
  await expect(body).toContainText('今天天气很好，我们去爬山了！');
  await expect(toggle.getByTestId('translate-button')).toBeVisible();

  // In a grid (here the author's profile), the card is labelled with its language and translates its title in place.
  await page.goto('/u/pa_shan_mei');
  const card = page.locator(`[data-testid="note-card"][data-note-id="${noteId}"]`);
  await expect(card.getByTestId('language-badge')).toBeVisible();
  await card.getByTestId('translate-button').click();
  await expect(card.locator('.note-card__title')).toHaveText('Weekend went hiking');
  await card.getByTestId('translate-see-original').click();
  await expect(card.locator('.note-card__title')).toHaveText(TITLE);

  await context.close();
});
