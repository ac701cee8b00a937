import { expect, type Page, test } from '@playwright/test';
import { latestCode, signInThroughPage } from './sign-in-helpers.js';

// Download my data and delete my account, from settings, in the real app:
// the export job runs in the server's worker, the zip downloads by its signed
// link; the deletion is confirmed by SMS code, signs out, and signing in again cancels it.

test.use({ locale: 'en-US' });

async function signUpThroughPage(
  page: Page,
  request: Parameters<typeof latestCode>[0],
  input: { nationalNumber: string; e164: string; handle: string; name: string },
) {
  await page.goto('/');
  await signInThroughPage(page, request, { country: 'US', nationalNumber: input.nationalNumber, e164: input.e164 });
  await page.getByTestId('handle-input').fill(input.handle);
  await page.getByTestId('display-name-input').fill(input.name);
  await page.getByTestId('onboarding-submit').click();
  await expect(page.getByTestId('profile-display-name')).toHaveText(input.name);
}

test('download my data: progress, then a zip by its link; one a day', async ({ page, request }) => {
  await signUpThroughPage(page, request, { nationalNumber: '415 555 2690', e164: '+14155552690', handle: 'dana_exports', name: 'Dana' });
  await page.getByTestId('settings-link').click();
  const section = page.getByTestId('data-export');
  await expect(section).toContainText('Download my data');
  await section.getByTestId('export-start').click();
  // The worker builds it within a few polling intervals; the bar shows while it runs.
  const link = section.getByTestId('export-download');
  await expect(link).toBeVisible({ timeout: 30_000 });
  await expect(link).toHaveAttribute('href', /^\/api\/exports\/\d+\/download\?expires=\d+&signature=/);
  await expect(section).toContainText(/The link works until/);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^qiao-data-\d{4}-\d{2}-\d{2}\.zip$/);
  const file = await download.path();
  expect(file).toBeTruthy();
  // One export a day: no second button, the next date instead.
  await expect(section.getByTestId('export-start')).toHaveCount(0);
  await expect(section).toContainText(/You can prepare a new download on/);
});

test('delete my account: SMS code, signed out and hidden; signing in again cancels it', async ({ page, request }) => {
  // Signing in again must wait out the 60 s gap between two sign-in codes to one number.
  test.setTimeout(150_000);
  await signUpThroughPage(page, request, { nationalNumber: '415 555 2691', e164: '+14155552691', handle: 'eli_leaves', name: 'Eli' });
  // Taken after sign-up, so the code it sent is surely older (a loaded machine can take seconds to send it).
  const signedUpAt = Date.now();
  expect((await request.get('/api/users/eli_leaves')).status()).toBe(200);
  await page.getByTestId('settings-link').click();
  const section = page.getByTestId('account-deletion');
  await expect(section).toContainText(/After 30 days everything is erased/);
  // The sign-in code is still the newest message; wait for the deletion code to be sent.
  await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/me/deletion/code') && response.status() === 202),
    section.getByTestId('deletion-send-code').click(),
  ]);
  const code = await latestCode(request, '+14155552691');
  await section.getByTestId('deletion-code').fill(code);
  await section.getByTestId('deletion-confirm').click();

  // Signed out, home, told when the erasure happens; the profile is gone for everyone.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText(/Your account will be erased on/)).toBeVisible();
  expect((await request.get('/api/users/eli_leaves')).status()).toBe(404);

  // Signing in within the grace period brings it back, and says so.
  await page.waitForTimeout(Math.max(0, signedUpAt + 62_000 - Date.now()));
  await signInThroughPage(page, request, { country: 'US', nationalNumber: '415 555 2691', e164: '+14155552691' });
  await expect(page.getByText(/Signing in cancelled the deletion of your account/)).toBeVisible();
  await expect(page.getByTestId('profile-display-name')).toHaveText('Eli');
  expect((await request.get('/api/users/eli_leaves')).status()).toBe(200);
  await page.getByTestId('settings-link').click();
  await expect(page.getByTestId('account-deletion').getByTestId('deletion-send-code')).toBeVisible();
});
