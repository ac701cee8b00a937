import { type APIRequestContext, expect, test } from '@playwright/test';
import { queryServerDatabase } from './e2e-database.js';
import { latestCode } from './sign-in-helpers.js';

// Issue 12, items 4 and 6 in the browser: a moderator reveals someone's phone number
// through the API with a reason; the person finds it in their privacy centre, in their
// words ("Staff viewed your phone number on … for: report #812"), and turns off being
// found by their number in Settings.

async function signUp(api: APIRequestContext, phone: string, handle: string, role?: 'moderator' | 'admin'): Promise<string> {
  expect((await api.post('/api/auth/code', { data: { phone } })).status()).toBe(202);
  const verified = await api.post('/api/auth/verify', { data: { phone, code: await latestCode(api, phone) } });
  expect(verified.ok()).toBe(true);
  const { user } = (await verified.json()) as { user: { id: string } };
  // By id, before the session is first read: the database holds numbers only encrypted.
  if (role) await queryServerDatabase('update users set role = $1 where id = $2', [role, user.id]);
  const profile = await api.patch('/api/me', { data: { handle, displayName: handle, language: 'en' } });
  expect(profile.ok(), await profile.text()).toBe(true);
  return user.id;
}

test('the privacy centre lists a staff reveal, and the discoverable switch sticks', async ({ page, playwright, baseURL }) => {
  const staff = await playwright.request.newContext({ baseURL });
  const personId = await signUp(page.request, '+14155550361', 'private_pia');
  await signUp(staff, '+14155550362', 'mod_milo', 'moderator');

  // Staff see the number masked until they give a reason.
  const masked = await staff.get(`/api/staff/users/${personId}/phone`);
  expect(await masked.json()).toEqual({ userId: personId, masked: '+1 ••• ••• ••61' });
  expect((await staff.post(`/api/staff/users/${personId}/phone/reveal`, { data: { reason: 'hm' } })).status()).toBe(400);
  const revealed = await staff.post(`/api/staff/users/${personId}/phone/reveal`, { data: { reason: 'report #812' } });
  expect(revealed.ok(), await revealed.text()).toBe(true);
  expect((await revealed.json()).phone).toBe('+14155550361');

  await page.goto('/settings');
  const discoverable = page.getByTestId('privacy-discoverableByPhone');
  await expect(discoverable).toBeChecked();
  await expect(page.getByText('Let people find me by my phone number')).toBeVisible();
  await discoverable.click();
  await expect(discoverable).not.toBeChecked();
  await expect.poll(async () => ((await (await page.request.get('/api/me')).json()) as { discoverableByPhone: boolean }).discoverableByPhone).toBe(false);
  await page.reload();
  await expect(page.getByTestId('privacy-discoverableByPhone')).not.toBeChecked();

  // Staff looking the number up now find nothing, exactly as for a number without an account.
  const lookup = await staff.post('/api/people/lookup-by-phone', { data: { phones: ['+14155550361'] } });
  expect(await lookup.json()).toEqual({ matches: [] });

  await page.getByTestId('settings-privacy-centre-link').click();
  await expect(page).toHaveURL(/\/me\/privacy$/);
  await expect(page.getByRole('heading', { name: 'Privacy centre' })).toBeVisible();
  const entry = page.getByTestId('staff-access-item');
  await expect(entry).toHaveCount(1);
  await expect(entry).toHaveText(/^Staff viewed your phone number on .+ for: report #812$/);
  // The page never shows who on staff looked, nor the number.
  await expect(page.getByTestId('staff-access')).not.toContainText('mod_milo');
  await staff.dispose();
});

test('in the moderation console the number is masked, and revealing it takes a reason the person then reads', async ({ browser, playwright, baseURL }) => {
  const [subject, reporter, admin] = await Promise.all([1, 2, 3].map(() => playwright.request.newContext({ baseURL })));
  const subjectId = await signUp(subject!, '+14155550371', 'reported_rex');
  await signUp(reporter!, '+14155550372', 'rep_rae');
  await signUp(admin!, '+14155550373', 'ops_oli', 'admin');
  const report = await reporter!.post('/api/reports', { data: { subject: { type: 'user', id: subjectId }, category: 'spam' } });
  expect(report.ok(), await report.text()).toBe(true);
  const queue = (await (await admin!.get('/api/moderation/queue?kind=reports')).json()) as { items: Array<{ id: string; subject: { id: string } }> };
  const caseId = queue.items.find((item) => item.subject.id === subjectId)!.id;

  const context = await browser.newContext({
    storageState: await admin!.storageState(),
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.goto(`/moderation/cases/${caseId}`);
  const panel = page.getByTestId('case-author');
  await expect(panel.getByTestId('staff-phone')).toHaveText('+1 ••• ••• ••71');
  await panel.getByTestId('reveal-phone').click();
  await expect(panel.getByTestId('reveal-submit')).toBeDisabled();
  await panel.getByTestId('reveal-reason').fill(`report on case ${caseId}`);
  await panel.getByTestId('reveal-submit').click();
  await expect(panel.getByTestId('staff-phone')).toHaveText('+1 415 555 0371');

  const accesses = (await (await subject!.get('/api/me/privacy/staff-access')).json()) as { items: Array<{ kind: string; reason: string }> };
  expect(accesses.items).toEqual([expect.objectContaining({ kind: 'phone_revealed', reason: `report on case ${caseId}` })]);
  await context.close();
  await Promise.all([subject, reporter, admin].map((api) => api!.dispose()));
});
