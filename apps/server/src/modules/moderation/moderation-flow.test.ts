import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, insertNote, policyEnv, setUserFields, signUp, TEST_POLICY, type TestUser } from '../../../test/fixtures.js';
import { uploadImages } from '../../../test/media-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

// The whole loop through HTTP on the real database: a report opens a case, a
// surge of reports stays one case, a moderator restricts the note in one
// rulebook, readers there lose it everywhere while others keep it, the author
// reads the statement and appeals, a second moderator upholds the appeal and
// the note comes back.

let t: TestApp;
let author: TestUser;
let cnReader: TestUser;
let usReader: TestUser;
let firstMod: TestUser;
let secondMod: TestUser;
const call = apiCaller(() => t);

beforeAll(async () => {
  t = await createTestApp({ env: policyEnv(TEST_POLICY) });
  author = await signUp(t, 'mf_author');
  cnReader = await signUp(t, 'mf_cn');
  usReader = await signUp(t, 'mf_us');
  firstMod = await signUp(t, 'mf_mod1');
  secondMod = await signUp(t, 'mf_mod2');
  await setUserFields(t.database.db, cnReader.id, { region: 'CN' });
  await setUserFields(t.database.db, firstMod.id, { role: 'moderator' });
  await setUserFields(t.database.db, secondMod.id, { role: 'moderator' });
});
afterAll(() => t.close());

describe('the moderation loop', () => {
  it('collapses many reports into one case, restricts in one rulebook, and an upheld appeal brings the note back', async () => {
    const noteId = await insertNote(t.database.db, { authorId: author.id, title: 'lucky casino night', body: 'come play' });
    const reporters = [cnReader, usReader, await signUp(t, 'mf_r3'), await signUp(t, 'mf_r4')];
    for (const reporter of reporters) {
      const response = await call('POST', '/api/reports', reporter, { subject: { type: 'note', id: noteId }, category: 'gambling' });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().status).toBe('received');
    }
    // A repeat is the same open report, not a second one.
    const again = await call('POST', '/api/reports', cnReader, { subject: { type: 'note', id: noteId }, category: 'spam' });
    expect(again.statusCode).toBe(200);

    const queue = await call('GET', '/api/moderation/queue', firstMod);
    expect(queue.statusCode, queue.body).toBe(200);
    const cases = queue.json().items.filter((item: { subject: { id: string } }) => item.subject.id === noteId);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ reportCount: 4, reporters: 4, categories: { gambling: 4 } });
    const caseId = cases[0].id as string;

    expect((await call('POST', `/api/moderation/cases/${caseId}/claim`, firstMod)).statusCode).toBe(200);
    expect((await call('POST', `/api/moderation/cases/${caseId}/claim`, secondMod)).json().error.code).toBe('case_claimed');
    const detail = await call('GET', `/api/moderation/cases/${caseId}`, firstMod);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ item: { title: 'lucky casino night' }, author: { handle: 'mf_author', strikes: 0 } });
    expect(detail.json().reports).toHaveLength(4);

    const acted = await call('POST', `/api/moderation/cases/${caseId}/actions`, firstMod, {
      action: 'restrict',
      rulebooks: ['cn'],
      rule: 'law/local',
      reason: 'Gambling promotion is unlawful in this region.',
    });
    expect(acted.statusCode, acted.body).toBe(201);

    // Gone for the reader under the cn rulebook, on the note page too; still there for the US reader.
    expect((await call('GET', `/api/notes/${noteId}`, cnReader)).statusCode).toBe(404);
    expect((await call('GET', `/api/notes/${noteId}`, usReader)).statusCode).toBe(200);
    expect((await call('GET', `/api/users/mf_author/notes`, cnReader)).json().items).toHaveLength(0);
    expect((await call('GET', `/api/users/mf_author/notes`, usReader)).json().items).toHaveLength(1);
    // Reporters see what came of it.
    expect((await call('GET', '/api/me/reports', usReader)).json().items[0].status).toBe('action_taken');

    const statements = (await call('GET', '/api/me/statements', author)).json().items;
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({
      decision: 'restrict',
      rulebooks: ['cn'],
      territorialScope: ['CN'],
      rule: 'law/local',
      automatedDetection: false,
      automatedDecision: false,
      reversed: false,
    });
    const appeal = await call('POST', `/api/me/statements/${statements[0].id}/appeal`, author, { text: 'It is a board game night.' });
    expect(appeal.statusCode, appeal.body).toBe(201);
    expect((await call('POST', `/api/me/statements/${statements[0].id}/appeal`, author, { text: 'again' })).json().error.code).toBe('appeal_exists');

    // The moderator who acted does not see or decide the appeal; another one does.
    expect((await call('GET', '/api/moderation/appeals', firstMod)).json().items).toHaveLength(0);
    const own = await call('POST', `/api/moderation/appeals/${appeal.json().id}/decision`, firstMod, { outcome: 'upheld', reason: 'mine' });
    expect(own.json().error.code).toBe('own_decision');
    const appeals = (await call('GET', '/api/moderation/appeals', secondMod)).json().items;
    expect(appeals).toHaveLength(1);
    const decided = await call('POST', `/api/moderation/appeals/${appeal.json().id}/decision`, secondMod, {
      outcome: 'upheld',
      reason: 'A board game, no money involved.',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().status).toBe('upheld');

    expect((await call('GET', `/api/notes/${noteId}`, cnReader)).statusCode).toBe(200);
    expect((await call('GET', `/api/me/statements/${statements[0].id}`, author)).json().reversed).toBe(true);
    const audit = await t.database.db.selectFrom('moderation_actions').select(['action', 'reverses_action_id']).orderBy('id').execute();
    expect(audit.map((row) => row.action)).toEqual(['restrict', 'reverse']);
  });

  it('keeps the audit log append-only', async () => {
    await expect(t.database.db.updateTable('moderation_actions').set({ reason: 'rewritten' }).execute()).rejects.toThrow(/append-only/);
    await expect(t.database.db.deleteFrom('moderation_actions').execute()).rejects.toThrow(/append-only/);
  });

  it('refuses bad reports and bad actions with clear errors, changing nothing', async () => {
    const noteId = await insertNote(t.database.db, { authorId: author.id, title: 'plain' });
    const cases = [
      [{ subject: { type: 'note', id: noteId }, category: 'boring' }, 'category_invalid'],
      [{ subject: { type: 'note', id: noteId }, category: 'illegal' }, 'country_required'],
      [{ subject: { type: 'note', id: noteId }, category: 'other' }, 'details_required'],
      [{ subject: { type: 'note', id: '999999999' }, category: 'spam' }, 'note_not_found'],
    ] as const;
    for (const [payload, code] of cases) expect((await call('POST', '/api/reports', usReader, payload)).json().error.code).toBe(code);
    expect((await call('POST', '/api/reports', author, { subject: { type: 'note', id: noteId }, category: 'spam' })).json().error.code).toBe(
      'cannot_report_self',
    );
    expect(await t.database.db.selectFrom('reports').select('id').where('subject_id', '=', noteId).execute()).toHaveLength(0);

    const report = await call('POST', '/api/reports', usReader, { subject: { type: 'note', id: noteId }, category: 'illegal', country: 'de' });
    expect(report.json()).toMatchObject({ category: 'illegal', country: 'DE' });
    const caseId = (await call('GET', '/api/moderation/queue', firstMod))
      .json()
      .items.find((item: { subject: { id: string } }) => item.subject.id === noteId).id;
    for (const [body, code] of [
      [{ action: 'label', rule: 'law/local', reason: 'x' }, 'label_invalid'],
      [{ action: 'restrict', rule: 'law/local', reason: 'x' }, 'rulebooks_required'],
      [{ action: 'remove', rule: 'made-up', reason: 'x' }, 'rule_invalid'],
      [{ action: 'suspend', rule: 'law/local', reason: 'x' }, 'duration_invalid'],
      [{ action: 'restrict', rulebooks: ['mars'], rule: 'law/local', reason: 'x' }, 'rulebook_invalid'],
    ] as const) {
      expect((await call('POST', `/api/moderation/cases/${caseId}/actions`, firstMod, body)).json().error.code).toBe(code);
    }
    expect((await call('POST', `/api/moderation/cases/${caseId}/actions`, usReader, { action: 'dismiss', rule: 'law/local', reason: 'x' })).statusCode).toBe(
      403,
    );
    const dismissed = await call('POST', `/api/moderation/cases/${caseId}/actions`, firstMod, { action: 'dismiss', rule: 'law/local', reason: 'Not illegal.' });
    expect(dismissed.statusCode).toBe(201);
    expect((await call('GET', '/api/me/reports', usReader)).json().items[0].status).toBe('no_violation');
    expect(
      (await call('POST', `/api/moderation/cases/${caseId}/actions`, firstMod, { action: 'remove', rule: 'law/local', reason: 'late' })).json().error.code,
    ).toBe('case_closed');
  });
});

describe('region and age settings', () => {
  it('changes the region once per 30 days and takes a date of birth for adults-only content', async () => {
    const who = await signUp(t, 'mf_mover');
    const first = await call('PATCH', '/api/me', who, { region: 'DE' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ region: 'DE', adult: false, birthDate: null });
    const again = await call('PATCH', '/api/me', who, { region: 'FR' });
    expect(again.statusCode).toBe(429);
    expect(again.json().error.code).toBe('region_change_too_soon');
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(29 * 86_400);
    t.advance(31 * 86_400);
    expect((await call('PATCH', '/api/me', who, { region: 'FR' })).json().region).toBe('FR');

    expect((await call('PATCH', '/api/me', who, { birthDate: '2026-02-30' })).json().error.code).toBe('birth_date_invalid');
    expect((await call('PATCH', '/api/me', who, { birthDate: '2999-01-01' })).json().error.code).toBe('birth_date_invalid');
    expect((await call('PATCH', '/api/me', who, { birthDate: '2000-05-17' })).json()).toMatchObject({ birthDate: '2000-05-17', adult: true });
    expect((await call('PATCH', '/api/me', who, { birthDate: null })).json().adult).toBe(false);
  });
});

describe("the author's notice", () => {
  it('tells the author where their note is hidden and why, and no one else', async () => {
    const noteId = await insertNote(t.database.db, { authorId: author.id, title: 'poker tips' });
    const opened = await call('POST', '/api/moderation/cases', firstMod, { subject: { type: 'note', id: noteId } });
    expect(opened.statusCode, opened.body).toBe(201);
    await call('POST', `/api/moderation/cases/${opened.json().id}/actions`, firstMod, {
      action: 'label',
      label: 'gambling',
      rule: 'community-guidelines/gambling',
      reason: 'Promotes betting.',
    });
    const own = (await call('GET', `/api/notes/${noteId}`, author)).json();
    expect(own.moderation).toMatchObject({
      state: 'live',
      limited: false,
      labels: [{ label: 'gambling', rulebooks: null, source: 'moderator', reason: 'Promotes betting.' }],
      outcomes: [{ rulebook: 'cn', outcome: 'hidden' }],
    });
    expect(own.moderation.statementId).toBeTruthy();
    expect((await call('GET', `/api/notes/${noteId}`, usReader)).json().moderation).toBeUndefined();
  });
});

describe('notifications follow visibility', () => {
  it('drops a notification about a note once it is hidden in the reader’s region', async () => {
    const [image] = await uploadImages(t, author.cookie, 1);
    const created = await call('POST', '/api/notes', author, { title: 'hi', body: 'look @mf_cn and @mf_us', imageIds: [image] });
    expect(created.statusCode, created.body).toBe(201);
    const noteId = created.json().id as string;
    const mentions = async (who: TestUser) =>
      (await call('GET', '/api/notifications', who)).json().items.filter((item: { note: { id: string } | null }) => item.note?.id === noteId);
    expect(await mentions(cnReader)).toHaveLength(1);
    const opened = (await call('POST', '/api/moderation/cases', firstMod, { subject: { type: 'note', id: noteId } })).json();
    await call('POST', `/api/moderation/cases/${opened.id}/actions`, firstMod, {
      action: 'restrict',
      rulebooks: ['cn'],
      rule: 'law/local',
      reason: 'Not allowed there.',
    });
    expect(await mentions(cnReader)).toHaveLength(0);
    expect(await mentions(usReader)).toHaveLength(1);
  });
});
