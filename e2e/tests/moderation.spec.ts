import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import sharp from 'sharp';
import { queryServerDatabase } from './e2e-database.js';
import { latestCode } from './sign-in-helpers.js';

// Region-aware moderation, end to end (issue 11): a reader in the US reports a note;
// a moderator reading the console in Chinese sees it with its English text machine-
// translated and restricts it in the `cn` rulebook (e2e/moderation-policy.json);
// readers in China stop finding it (search, topic page, explore's topic tab) while
// readers in the US still do; the author reads the statement of reasons and appeals;
// a second moderator upholds the appeal and the note is back for readers in China.

const WORD = 'qzjackpot';
const TITLE = 'Hello friends, weekend food together';
const BODY = `I love the weather today. Free spins at the lucky casino tonight! #${WORD}`;

interface Person {
  api: APIRequestContext;
  handle: string;
}

/** Signs someone up through the API (code, verify, profile); `admin` grants the role before the session is first read. */
async function signUp(
  newContext: () => Promise<APIRequestContext>,
  input: { phone: string; country: string; handle: string; name: string; language: string; admin?: boolean },
): Promise<Person> {
  const api = await newContext();
  expect((await api.post('/api/auth/code', { data: { phone: input.phone, country: input.country, language: input.language } })).status()).toBe(202);
  const verified = await api.post('/api/auth/verify', { data: { phone: input.phone, code: await latestCode(api, input.phone) } });
  expect(verified.ok()).toBe(true);
  // By id: the database holds phone numbers only encrypted.
  const { user } = (await verified.json()) as { user: { id: string } };
  if (input.admin) await queryServerDatabase("update users set role = 'admin' where id = $1", [user.id]);
  const profile = await api.patch('/api/me', { data: { handle: input.handle, displayName: input.name, language: input.language } });
  expect(profile.ok(), await profile.text()).toBe(true);
  return { api, handle: input.handle };
}

/** A browser tab signed in as this person (their session cookie), in their interface language. */
async function pageAs(browser: Browser, person: Person, locale: string): Promise<Page> {
  const context = await browser.newContext({
    locale,
    storageState: await person.api.storageState(),
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  return context.newPage();
}

/** Where a reader can find the note by its word: search, the topic page, explore's topic tab. */
async function findsNote(reader: APIRequestContext, noteId: string): Promise<boolean[]> {
  const ids = async (path: string, pick: (body: never) => { id: string }[]) => {
    const response = await reader.get(path);
    expect(response.ok(), path).toBe(true);
    return pick((await response.json()) as never).some((card) => card.id === noteId);
  };
  return Promise.all([
    ids(`/api/search?q=${WORD}&type=notes`, (body: { notes: { id: string }[] }) => body.notes),
    ids(`/api/topics/${WORD}/notes?sort=latest`, (body: { items: { id: string }[] }) => body.items),
    ids(`/api/feed?tab=topic&topic=${WORD}`, (body: { items: { id: string }[] }) => body.items),
  ]);
}

test('a report becomes a regional restriction, an appeal and its reversal', async ({ browser, playwright, baseURL }) => {
  const newContext = () => playwright.request.newContext({ baseURL });
  const [admin, author, reporter, cnReader, mei, omar] = await Promise.all([
    signUp(newContext, { phone: '+14155550230', country: 'US', handle: 'ops_ada', name: 'Ada', language: 'en', admin: true }),
    signUp(newContext, { phone: '+14155550231', country: 'US', handle: 'lucky_len', name: 'Len', language: 'en' }),
    signUp(newContext, { phone: '+14155550232', country: 'US', handle: 'rita_reads', name: 'Rita', language: 'en' }),
    // A +86 number gives the account region CN, so the `cn` rulebook.
    signUp(newContext, { phone: '+8613912340230', country: 'CN', handle: 'bei_reader', name: '小北', language: 'zh-CN' }),
    signUp(newContext, { phone: '+14155550233', country: 'US', handle: 'mei_mod', name: '梅', language: 'zh-CN' }),
    signUp(newContext, { phone: '+14155550234', country: 'US', handle: 'omar_mod', name: 'Omar', language: 'en' }),
  ]);
  for (const moderator of [mei, omar]) {
    const granted = await admin.api.put(`/api/admin/moderators/${moderator.handle}`, { data: { rulebooks: ['cn', 'default'], languages: ['en'] } });
    expect(granted.ok(), await granted.text()).toBe(true);
  }

  // The author posts an English note that readers can find by one word.
  const photo = await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#d4a017' } })
    .png()
    .toBuffer();
  const upload = await author.api.post('/api/media/images', { multipart: { file: { name: 'spins.png', mimeType: 'image/png', buffer: photo } } });
  expect(upload.status()).toBe(201);
  const { image } = (await upload.json()) as { image: { id: string } };
  const created = await author.api.post('/api/notes', { data: { title: TITLE, body: BODY, imageIds: [image.id] } });
  expect(created.status()).toBe(201);
  const noteId = ((await created.json()) as { id: string }).id;
  await expect.poll(() => findsNote(cnReader.api, noteId), { message: 'the reader in China finds the new note' }).toEqual([true, true, true]);

  // A reader reports it from the note's menu.
  const reporterPage = await pageAs(browser, reporter, 'en-US');
  await reporterPage.goto(`/notes/${noteId}`);
  await reporterPage.getByTestId('note-menu').click();
  await reporterPage.getByTestId('note-report').click();
  const sheet = reporterPage.getByTestId('report-sheet');
  await expect(sheet.getByRole('heading', { name: 'Report this note' })).toBeVisible();
  await sheet.getByTestId('report-category-gambling').click();
  await sheet.getByTestId('report-details').fill('Casino advertising in my feed.');
  await sheet.getByTestId('report-submit').click();
  await expect(reporterPage.getByTestId('toast').filter({ hasText: "Thanks — we'll let you know what happens" })).toBeVisible();
  await reporterPage.goto('/me/safety');
  const myReport = reporterPage.locator(`[data-testid="my-report"][data-subject-id="${noteId}"]`);
  await expect(myReport.getByTestId('report-status')).toHaveText('Received');

  // The moderator reads the console in Chinese: the queue has it, the case shows the English text machine-translated.
  const meiPage = await pageAs(browser, mei, 'zh-CN');
  await meiPage.goto('/moderation');
  const queued = meiPage.locator(`[data-testid="queue-item"][data-subject-id="${noteId}"]`);
  await expect(queued).toContainText(TITLE);
  await expect(queued.locator('[data-testid="category-chip"][data-category="gambling"]')).toHaveText('赌博×1');
  await queued.getByRole('link').click();
  await expect(meiPage.getByTestId('case-original')).toContainText(TITLE);
  await expect(meiPage.getByTestId('case-translation')).toContainText('你好 朋友, 周末 美食 一起');
  await expect(meiPage.getByTestId('case-translation')).toContainText('机器翻译');
  await expect(meiPage.getByTestId('case-reports')).toContainText('Casino advertising in my feed.');
  await meiPage.getByTestId('case-claim').click();
  await expect(meiPage.getByTestId('claim-bar')).toContainText('你正在处理这个案件');

  // Restrict it in the cn rulebook; the rule follows the reports' category.
  await meiPage.getByTestId('action-select').selectOption('restrict');
  await meiPage.getByTestId('action-rulebooks').locator('[data-value="cn"]').click();
  await expect(meiPage.getByTestId('action-rule')).toHaveValue('community-guidelines/gambling');
  await meiPage.getByTestId('action-reason').fill('Promotes a casino; gambling promotion is not allowed under the cn rulebook.');
  await meiPage.getByTestId('action-submit').click();
  await meiPage.getByTestId('action-confirm').click();
  await expect(meiPage).toHaveURL(/\/moderation$/);
  await expect(meiPage.locator(`[data-testid="queue-item"][data-subject-id="${noteId}"]`)).toHaveCount(0);

  // Readers in China no longer find it; readers in the US still do.
  await expect.poll(() => findsNote(cnReader.api, noteId), { message: 'hidden for the reader in China' }).toEqual([false, false, false]);
  expect(await findsNote(reporter.api, noteId)).toEqual([true, true, true]);
  const cnPage = await pageAs(browser, cnReader, 'zh-CN');
  await cnPage.goto(`/notes/${noteId}`);
  await expect(cnPage.getByTestId('note-unavailable')).toBeVisible();

  // The author reads the statement of reasons and appeals.
  const authorPage = await pageAs(browser, author, 'en-US');
  await authorPage.goto(`/notes/${noteId}`);
  await expect(authorPage.getByTestId('author-notice-hidden')).toContainText('China (cn)');
  await authorPage.getByTestId('author-notice-statement').click();
  await expect(authorPage.getByTestId('statement-decision')).toHaveText('Hidden in some regions');
  await expect(authorPage.getByTestId('statement-scope')).toHaveText('China (cn) (viewers in China)');
  await expect(authorPage.getByTestId('statement-rule')).toHaveText('Community guidelines: Gambling');
  await expect(authorPage.getByTestId('statement-facts')).toContainText('Promotes a casino');
  await expect(authorPage.getByTestId('statement-automated-decision')).toHaveText('No');
  await authorPage.getByTestId('appeal-text').fill('It is a travel note about food with friends; the casino line was a joke, not an advert.');
  await authorPage.getByTestId('appeal-submit').click();
  await expect(authorPage.getByTestId('appeal-status')).toHaveAttribute('data-status', 'open');

  // The moderator who acted does not get the appeal; another one upholds it.
  const meisAppeals = (await (await mei.api.get('/api/moderation/appeals')).json()) as { items: { statement: { subject: { id: string } } }[] };
  expect(meisAppeals.items.some((item) => item.statement.subject.id === noteId)).toBe(false);
  const omarPage = await pageAs(browser, omar, 'en-US');
  await omarPage.goto('/moderation?tab=appeals');
  const appeal = omarPage.locator(`[data-testid="appeal-item"][data-subject-id="${noteId}"]`);
  await expect(appeal.getByTestId('appeal-item-text')).toContainText('the casino line was a joke');
  await appeal.getByTestId('appeal-outcome-upheld').click();
  await appeal.getByTestId('appeal-decision-reason').fill('A joke in a food note, not gambling promotion.');
  await appeal.getByTestId('appeal-decide').click();
  await expect(omarPage.getByTestId('toast').filter({ hasText: 'Appeal upheld' })).toBeVisible();

  // The note is back for readers in China, and the reporter's report says what happened.
  await expect.poll(() => findsNote(cnReader.api, noteId), { message: 'back for the reader in China' }).toEqual([true, true, true]);
  await cnPage.goto(`/topics/${WORD}`);
  await expect(cnPage.locator(`[data-testid="note-card"][data-note-id="${noteId}"]`)).toBeVisible();
  await reporterPage.reload();
  await expect(myReport.getByTestId('report-status')).toHaveText('Action taken');
  await authorPage.reload();
  await expect(authorPage.getByTestId('appeal-status')).toHaveAttribute('data-status', 'upheld');
});
