import { expect, test } from '@playwright/test';
import { queryServerDatabase } from './e2e-database.js';
import { signInThroughPage } from './sign-in-helpers.js';
import { generateClip } from './video-helpers.js';

// Issue 4's path: upload a generated video, wait for processing, find it in the
// swipe feed, play it, swipe to the next, like with a double tap, and see the
// player's telemetry arrive in the database.

test('upload a video, watch it in the swipe feed, double-tap like, telemetry stored', async ({ page, request }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await signInThroughPage(page, request, { country: 'US', nationalNumber: '415 555 0177', e164: '+14155550177' });
  await page.getByTestId('handle-input').fill('clip_maker');
  await page.getByTestId('display-name-input').fill('Clip Maker');
  await page.getByTestId('onboarding-submit').click();
  await expect(page.getByTestId('profile-display-name')).toHaveText('Clip Maker');

  // Two clips, so there is a next video to swipe to.
  const titles = ['Colour bars at dawn', 'Second clip'];
  for (const [i, title] of titles.entries()) {
    await page.getByTestId('tab-post').click();
    await page.getByTestId('composer-mode-video').click();
    await page
      .getByTestId('composer-video-input')
      .setInputFiles({ name: `clip-${i}.mp4`, mimeType: 'video/mp4', buffer: await generateClip(4, i ? 'testsrc' : 'testsrc2') });
    await expect(page.getByTestId('composer-video-status')).toHaveAttribute('data-status', 'ready', { timeout: 120_000 });
    await page.getByTestId('composer-cover-option').nth(2).click();
    await page.getByTestId('composer-title').fill(title);
    await page.getByTestId('composer-body').fill('Made with ffmpeg #testsrc');
    await page.getByTestId('composer-publish').click();
    await expect(page.getByTestId('note-title')).toHaveText(title);
  }
  const noteIds = (
    await queryServerDatabase<{ id: string }>(
      "select n.id from notes n join users u on u.id = n.author_id where u.handle = 'clip_maker' and n.kind = 'video' order by n.id",
    )
  ).map((row) => String(row.id));
  expect(noteIds).toHaveLength(2);

  // The swipe feed: the active video plays.
  await page.getByTestId('tab-video').click();
  await expect(page.getByTestId('video-feed')).toBeVisible();
  const active = page.locator('[data-testid="video-item"][data-active="true"]');
  await expect(active).toHaveCount(1);
  const firstId = await active.getAttribute('data-note-id');
  const player = active.getByTestId('video-player');
  await expect.poll(() => player.evaluate((video: HTMLVideoElement) => video.currentTime), { timeout: 20_000 }).toBeGreaterThan(0.5);

  // Swipe (arrow key on a desktop keyboard) to the next one; it plays too.
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => page.locator('[data-testid="video-item"][data-active="true"]').getAttribute('data-note-id')).not.toBe(firstId);
  const next = page.locator('[data-testid="video-item"][data-active="true"]');
  const secondId = await next.getAttribute('data-note-id');
  await expect.poll(() => next.getByTestId('video-player').evaluate((video: HTMLVideoElement) => video.currentTime), { timeout: 20_000 }).toBeGreaterThan(0.3);

  // Double tap likes (and never unlikes).
  const likes = next.getByTestId('video-like-count');
  const before = Number(await likes.textContent());
  await next.getByTestId('video-player').dblclick();
  await expect(page.getByTestId('heart-burst').first()).toBeAttached();
  await expect(likes).toHaveText(String(before + 1));

  // Leaving the page flushes the telemetry; it lands in the events table.
  await page.getByTestId('tab-home').click();
  await expect
    .poll(
      async () => {
        const rows = await queryServerDatabase<{ type: string }>('select distinct type from events where note_id = any($1::bigint[])', [[firstId, secondId]]);
        return rows.map((row) => row.type).sort();
      },
      { timeout: 20_000 },
    )
    .toEqual(expect.arrayContaining(['impression', 'play', 'watch']));
});
