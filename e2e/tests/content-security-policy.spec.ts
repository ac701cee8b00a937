import { expect, test } from '@playwright/test';
import { signInThroughPage } from './sign-in-helpers.js';

// The app runs under its own Content-Security-Policy (no inline script,
// frame-ancestors 'none'): walking the main pages, signed out and signed in,
// the browser reports no violation and the API answers carry the headers.

test('the main pages load under the Content-Security-Policy without a violation', async ({ page, context }) => {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const collect = async () => violations.push(...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])));

  const home = await page.goto('/');
  expect(home?.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(home?.headers()['permissions-policy']).toContain('camera=()');
  await expect(page.getByTestId('note-card').first()).toBeVisible();
  await page.getByTestId('note-card').first().click();
  await expect(page.getByTestId('note-title')).toBeVisible();
  await collect();
  for (const url of ['/video', '/search', '/transparency']) {
    await page.goto(url);
    await page.waitForTimeout(1000);
    await collect();
  }

  await page.goto('/');
  await signInThroughPage(page, context.request, { country: 'US', nationalNumber: '415 555 0196', e164: '+14155550196' });
  await page.getByTestId('handle-input').fill('csp_casey');
  await page.getByTestId('display-name-input').fill('Casey');
  await page.getByTestId('onboarding-submit').click();
  await expect(page.getByTestId('profile-display-name')).toHaveText('Casey');
  for (const url of ['/settings', '/me/privacy', '/messages']) {
    await page.goto(url);
    await page.waitForTimeout(1000);
    await collect();
  }
  expect(violations).toEqual([]);
});
