import { type Browser, expect, test } from '@playwright/test';
import sharp from 'sharp';
import { signInThroughPage } from './sign-in-helpers.js';

// A private account, end to end: the owner switches it on in settings; a
// stranger sees "This account is private" and no note, asks to follow
// (Requested); the owner approves from the follow-requests list; the stranger
// now sees the note on the profile and on its page.

async function newUser(browser: Browser, phone: { national: string; e164: string }, handle: string, name: string) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/');
  await signInThroughPage(page, context.request, { country: 'US', nationalNumber: phone.national, e164: phone.e164 });
  await page.getByTestId('handle-input').fill(handle);
  await page.getByTestId('display-name-input').fill(name);
  await page.getByTestId('onboarding-submit').click();
  await expect(page.getByTestId('profile-display-name')).toHaveText(name);
  return { context, page };
}

test('make an account private, request to follow it, approve, and see its notes', async ({ browser }) => {
  test.setTimeout(120_000);
  const title = 'Garden diary';
  const owner = await newUser(browser, { national: '415 555 0191', e164: '+14155550191' }, 'priv_owner', 'Olive');
  const reader = await newUser(browser, { national: '415 555 0192', e164: '+14155550192' }, 'priv_reader', 'Remy');

  // The owner posts a note, then makes the account private in settings.
  const o = owner.page;
  await o.getByTestId('tab-post').click();
  const photo = await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#7bc47f' } })
    .png()
    .toBuffer();
  await o.getByTestId('composer-file-input').setInputFiles([{ name: 'garden.png', mimeType: 'image/png', buffer: photo }]);
  await expect(o.locator('[data-testid="composer-image"][data-status="done"]')).toHaveCount(1, { timeout: 30_000 });
  await o.getByTestId('composer-title').fill(title);
  await o.getByTestId('composer-body').fill('Tomatoes are finally red.');
  await o.getByTestId('composer-publish').click();
  await expect(o.getByTestId('note-title')).toHaveText(title);
  const noteUrl = o.url();

  await o.goto('/settings');
  const privateSwitch = o.getByTestId('privacy-controls-private');
  await expect(privateSwitch).not.toBeChecked();
  await Promise.all([
    o.waitForResponse((response) => response.url().includes('/api/me/privacy-controls') && response.request().method() === 'PATCH' && response.ok()),
    privateSwitch.click(),
  ]);
  await expect(privateSwitch).toBeChecked();
  await expect(o.getByTestId('follow-requests-link')).toBeVisible();

  // The reader sees the header and "This account is private", not the note; the note's link is a dead end.
  const r = reader.page;
  await r.goto('/u/priv_owner');
  await expect(r.getByTestId('profile-private')).toContainText('This account is private');
  await expect(r.getByTestId('note-card')).toHaveCount(0);
  await r.goto(noteUrl);
  await expect(r.getByTestId('note-unavailable')).toBeVisible();

  // They ask to follow: the button says Requested.
  await r.goto('/u/priv_owner');
  await Promise.all([
    r.waitForResponse((response) => response.url().includes('/api/users/priv_owner/follow') && response.request().method() === 'PUT' && response.ok()),
    r.getByTestId('follow-button').click(),
  ]);
  await expect(r.getByTestId('follow-button')).toHaveText('Requested');
  await expect(r.getByTestId('profile-private')).toContainText('waiting');

  // The owner approves from the follow-requests list.
  await o.goto('/settings');
  await o.getByTestId('follow-requests-link').click();
  const request = o.locator('[data-testid="follow-request"][data-handle="priv_reader"]');
  await expect(request).toBeVisible();
  await Promise.all([o.waitForResponse((response) => response.url().includes('/approve') && response.ok()), request.getByTestId('approve-request').click()]);
  await expect(o.getByTestId('follow-request')).toHaveCount(0);

  // The reader now sees the note on the profile and on its page.
  await r.goto('/u/priv_owner');
  await expect(r.getByTestId('follow-button')).toHaveText('Following');
  await expect(r.getByTestId('profile-private')).toHaveCount(0);
  await expect(r.getByTestId('note-card').filter({ hasText: title })).toBeVisible();
  await r.goto(noteUrl);
  await expect(r.getByTestId('note-title')).toHaveText(title);

  await owner.context.close();
  await reader.context.close();
});
