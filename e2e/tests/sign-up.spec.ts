import { expect, test } from '@playwright/test';
import { latestCode, signInThroughPage } from './sign-in-helpers.js';

const HAN = /[\u4e00-\u9fff]/;

test.describe('sign up with a phone number', () => {
  test.use({ locale: 'en-US' });

  test('in English with +1 415 555 2671: code, onboarding, profile, sessions, log out', async ({ page, request }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByTestId('tab-me').click();
    await expect(page.getByTestId('send-code')).toHaveText(/send code/i);
    // A wrong number is refused before any code is sent.
    await page.getByTestId('country-select').selectOption('US');
    await page.getByTestId('phone-input').fill('555');
    await expect(page.getByTestId('send-code')).toBeDisabled();

    await page.getByTestId('phone-input').fill('415 555 2671');
    await page.getByTestId('send-code').click();
    await expect(page.getByTestId('code-sent-to')).toContainText('2671');
    await expect(page.getByTestId('resend-code')).toBeDisabled();

    // A wrong code is explained in place, with the tries left.
    const code = await latestCode(request, '+14155552671');
    await page.getByTestId('code-input').fill(code === '000000' ? '111111' : '000000');
    await expect(page.getByRole('alert')).toContainText(/4/);
    await page.getByTestId('code-input').fill(code);

    // A new account chooses its handle and name; the region is suggested from the number.
    await expect(page.getByTestId('handle-input')).toBeVisible();
    await expect(page.getByTestId('region-select')).toHaveValue('US');
    await page.getByTestId('handle-input').fill('admin');
    await expect(page.getByText(/reserved/i)).toBeVisible();
    await page.getByTestId('handle-input').fill('ann_from_sf');
    await page.getByTestId('display-name-input').fill('Ann');
    await page.getByTestId('onboarding-submit').click();

    await expect(page.getByTestId('profile-display-name')).toHaveText('Ann');
    await expect(page.getByTestId('profile-handle')).toContainText('ann_from_sf');

    // Anyone can open the public profile.
    const publicProfile = await request.get('/api/users/ann_from_sf');
    expect(publicProfile.status()).toBe(200);

    // Settings lists this device; log out returns to sign-in.
    await page.getByTestId('settings-link').click();
    await expect(page.getByTestId('session-item')).toHaveCount(1);
    // Log out returns home once the server has ended the session; only then open Me again.
    await Promise.all([page.waitForResponse((response) => response.url().endsWith('/api/auth/logout') && response.ok()), page.getByTestId('logout').click()]);
    await expect(page).toHaveURL(/\/$/);
    await page.getByTestId('tab-me').click();
    await expect(page.getByTestId('phone-input')).toBeVisible();
  });

  test('switches the interface to Chinese from the sign-in screen', async ({ page }) => {
    await page.goto('/me');
    await page.getByTestId('language-select').selectOption('zh-CN');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByTestId('send-code')).toHaveText(HAN);
  });
});

test.describe('注册（中文界面）', () => {
  test.use({ locale: 'zh-CN' });

  test('with +86 138 0013 8000 the whole flow speaks Chinese', async ({ page, request }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await signInThroughPage(page, request, { country: 'CN', nationalNumber: '138 0013 8000', e164: '+8613800138000' });

    await expect(page.getByTestId('handle-input')).toBeVisible();
    await expect(page.getByTestId('onboarding-submit')).toHaveText(HAN);
    await expect(page.getByTestId('region-select')).toHaveValue('CN');
    await page.getByTestId('handle-input').fill('meilin');
    await page.getByTestId('display-name-input').fill('美琳');
    await page.getByTestId('onboarding-submit').click();

    await expect(page.getByTestId('profile-display-name')).toHaveText('美琳');
    await expect(page.getByTestId('profile-handle')).toContainText('meilin');
    await expect(page.getByTestId('tab-video')).toHaveText(HAN);

    // The Video tab speaks Chinese too.
    await page.getByTestId('tab-video').click();
    await expect(page.getByTestId('tab-video')).toHaveText(HAN);
    await expect(page.getByTestId('video-feed').or(page.getByTestId('video-feed-empty')).first()).toBeVisible();
  });
});
