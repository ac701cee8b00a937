import { expect, test } from '@playwright/test';
import { queryServerDatabase } from './e2e-database.js';
import { signInThroughPage } from './sign-in-helpers.js';

// A signed-in reader asks why a For-you card is there, says "not interested", and the
// card leaves the grid at once while the server records the signal.

test('why am I seeing this, then not interested', async ({ page, context }) => {
  const e164 = '+14155550188';
  await page.goto('/');
  await signInThroughPage(page, context.request, { country: 'US', nationalNumber: '415 555 0188', e164 });
  await page.getByTestId('handle-input').fill('picky_pat');
  await page.getByTestId('display-name-input').fill('Pat');
  await page.getByTestId('onboarding-submit').click();
  await expect(page.getByTestId('profile-display-name')).toHaveText('Pat');

  await page.getByTestId('tab-home').click();
  const card = page.getByTestId('note-card').first();
  await expect(card).toBeVisible();
  const noteId = await card.getAttribute('data-note-id');
  expect(noteId).toBeTruthy();

  await card.getByTestId('why-button').click();
  const sheet = page.getByTestId('why-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('heading', { name: 'Why am I seeing this?' })).toBeVisible();
  // The server's reason, in words (every For-you card carries one).
  await expect(sheet.getByTestId('why-reason')).not.toBeEmpty();
  await expect(sheet.getByTestId('why-reason')).not.toHaveText('It is popular with people on Qiao right now.');

  await sheet.getByTestId('not-interested').click();
  await expect(sheet).toBeHidden();
  await expect(page.locator(`[data-testid="note-card"][data-note-id="${noteId}"]`)).toHaveCount(0);
  await expect(page.getByTestId('toast').filter({ hasText: 'fewer notes like this' })).toBeVisible();
  await expect(page.getByTestId('toast-action')).toHaveText('Undo');

  await expect
    .poll(
      async () =>
        (
          await queryServerDatabase<{ n: string }>(
            'select count(*) as n from not_interested join users on users.id = not_interested.user_id where users.handle = $1 and not_interested.note_id = $2',
            ['picky_pat', noteId],
          )
        )[0]?.n,
    )
    .toBe('1');

  // The cards on screen were reported as grid impressions, with their slots.
  await expect
    .poll(
      async () =>
        Number(
          (
            await queryServerDatabase<{ n: string }>(
              `select count(*) as n from events join users on users.id = events.user_id
                where users.handle = $1 and events.type = 'impression' and events.source = 'explore' and events.position >= 0`,
              ['picky_pat'],
            )
          )[0]?.n ?? 0,
        ),
      { timeout: 20_000 },
    )
    .toBeGreaterThan(0);
});
