import { createHmac } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { signInThroughPage } from './sign-in-helpers.js';

// Sessions and the authenticator-app second factor, end to end: a phone signs up and
// turns on two-factor in settings (the test computes the codes from the key shown, as
// an authenticator app would); a laptop signs in with the SMS code and then the app's
// code; the phone is told of the new sign-in; the laptop sees both devices and signs
// the other one out.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function base32Decode(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text.replace(/\s/g, '').toUpperCase()) {
    value = (value << 5) | ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}
function totp(secret: string, step = Math.floor(Date.now() / 30_000)): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  return String((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

const LAPTOP_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const phoneNumber = { country: 'US', nationalNumber: '415 555 0194', e164: '+14155550194' };

test('turn on an authenticator app, sign in with SMS code + app code, see two sessions, sign out the other', async ({ browser }) => {
  test.setTimeout(180_000);
  const phoneContext = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  await phone.goto('/');
  await signInThroughPage(phone, phoneContext.request, phoneNumber);
  const firstCodeAt = Date.now();
  await phone.getByTestId('handle-input').fill('two_factor_tess');
  await phone.getByTestId('display-name-input').fill('Tess');
  await phone.getByTestId('onboarding-submit').click();
  await expect(phone.getByTestId('profile-display-name')).toHaveText('Tess');

  // Settings: set up the app from the QR code's key, confirm with its first code, see the recovery codes once.
  await phone.goto('/settings');
  await phone.getByTestId('two-factor-setup').click();
  await expect(phone.getByTestId('two-factor-qr')).toBeVisible();
  const secret = (await phone.getByTestId('two-factor-secret').textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await phone.getByTestId('two-factor-confirm-code').fill(totp(secret));
  await phone.getByTestId('two-factor-confirm').click();
  await expect(phone.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
  await phone.getByTestId('recovery-codes-done').click();
  await expect(phone.getByTestId('two-factor-on')).toContainText('10 recovery codes left');

  // The laptop: a second text message to the same number waits out the 60 s resend gap.
  const laptopContext = await browser.newContext({ locale: 'en-US', userAgent: LAPTOP_UA });
  const laptop = await laptopContext.newPage();
  await laptop.waitForTimeout(Math.max(0, firstCodeAt + 62_000 - Date.now()));
  await laptop.goto('/');
  await signInThroughPage(laptop, laptopContext.request, phoneNumber);
  // No session yet: the app's code is asked for.
  await expect(laptop.getByTestId('two-factor-input')).toBeVisible();
  expect((await laptopContext.request.get('/api/me')).status()).toBe(401);
  await laptop.getByTestId('two-factor-input').fill(totp(secret));
  await expect(laptop.getByTestId('profile-display-name')).toHaveText('Tess');

  // The phone hears of the new sign-in, with a link to the devices list.
  await phone.goto('/messages');
  const notice = phone.locator('[data-testid="notification-item"][data-kind="new_sign_in"]');
  await expect(notice).toContainText('New sign-in to your account: Chrome on Windows');
  await expect(notice.locator('a')).toHaveAttribute('href', '/settings#settings-sessions');

  // The laptop sees both devices, itself marked, and signs the other out.
  await laptop.goto('/settings');
  const sessions = laptop.getByTestId('session-item');
  await expect(sessions).toHaveCount(2);
  await expect(laptop.locator('[data-testid="session-item"][data-current]')).toContainText('Chrome on Windows');
  await expect(laptop.locator('[data-testid="session-item"][data-current]')).toContainText('This device');
  await expect(sessions.nth(1).getByTestId('session-location')).toHaveText('Location unknown');
  await laptop.getByTestId('revoke-other-sessions').click();
  await expect(sessions).toHaveCount(1);

  expect((await phoneContext.request.get('/api/me')).status()).toBe(401);
  expect((await laptopContext.request.get('/api/me')).status()).toBe(200);
  await phoneContext.close();
  await laptopContext.close();
});
