import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, insertNote, setUserFields, signUp, type TestUser } from '../../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { refreshSpread } from './cases-queries.js';

// The queue's order: severity first (self-harm before spam), then how many
// people reported, then how fast the item spreads; keyset pages walk it
// without repeats or gaps; moderators see only their rulebooks and languages.

let t: TestApp;
let mod: TestUser;
const call = apiCaller(() => t);

beforeAll(async () => {
  t = await createTestApp();
  mod = await signUp(t, 'qo_mod');
  await setUserFields(t.database.db, mod.id, { role: 'moderator' });
});
afterAll(() => t.close());

describe('the review queue', () => {
  it('orders by severity, report count and spread, and pages through it', async () => {
    const author = await signUp(t, 'qo_author');
    const reporters = [await signUp(t, 'qo_r1'), await signUp(t, 'qo_r2'), await signUp(t, 'qo_r3')];
    const note = async (title: string) => insertNote(t.database.db, { authorId: author.id, title });
    const spamOnce = await note('spam once');
    const spamThrice = await note('spam thrice');
    const spamSpreading = await note('spam spreading');
    const selfHarm = await note('self harm');
    const report = (noteId: string, who: TestUser, category: string) => call('POST', '/api/reports', who, { subject: { type: 'note', id: noteId }, category });
    await report(spamOnce, reporters[0]!, 'spam');
    for (const who of reporters) await report(spamThrice, who, 'spam');
    await report(spamSpreading, reporters[0]!, 'spam');
    await report(selfHarm, reporters[1]!, 'self-harm');
    const impressions = Array.from({ length: 5 }, (_, i) => ({
      note_id: spamSpreading,
      type: 'impression' as const,
      client_session: '00000000-0000-4000-8000-000000000000',
      client_seq: i,
      occurred_at: t.now,
      received_at: t.now,
    }));
    await t.database.db.insertInto('events').values(impressions).execute();
    await refreshSpread(t.database.db, t.now);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ subject: { id: string }; views24h: number }>; cursor: string | null } = (
        await call('GET', `/api/moderation/queue?limit=1${cursor ? `&cursor=${cursor}` : ''}`, mod)
      ).json();
      seen.push(...page.items.map((item) => item.subject.id));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toEqual([selfHarm, spamThrice, spamSpreading, spamOnce]);
  });

  it('shows a scoped moderator only the cases of their rulebooks and languages', async () => {
    const scoped = await signUp(t, 'qo_scoped');
    const admin = await signUp(t, 'qo_admin');
    await setUserFields(t.database.db, admin.id, { role: 'admin' });
    const granted = await call('PUT', '/api/admin/moderators/qo_scoped', admin, { rulebooks: ['default'], languages: ['ja'] });
    expect(granted.statusCode, granted.body).toBe(200);
    // Every case so far is English: none for a Japanese-language moderator.
    await t.database.db.updateTable('moderation_cases').set({ language: 'en' }).execute();
    expect((await call('GET', '/api/moderation/queue', scoped)).json().items).toEqual([]);
    const [first] = (await call('GET', '/api/moderation/queue', mod)).json().items;
    expect((await call('GET', `/api/moderation/cases/${first.id}`, scoped)).json().error.code).toBe('out_of_scope');
    // Regression: null (every rulebook, every language) was coerced to [""] and refused.
    const all = await call('PUT', '/api/admin/moderators/qo_scoped', admin, { rulebooks: null, languages: null });
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json()).toMatchObject({ rulebooks: null, languages: null });
    expect((await call('GET', '/api/moderation/queue', scoped)).json().items.length).toBeGreaterThan(0);
    const dismissed = await call('POST', `/api/moderation/cases/${first.id}/actions`, scoped, {
      action: 'dismiss',
      rulebooks: null,
      rule: 'law/local',
      reason: 'Fine.',
    });
    expect(dismissed.statusCode, dismissed.body).toBe(201);
    expect((await call('DELETE', '/api/admin/moderators/qo_scoped', admin)).statusCode).toBe(204);
    expect((await call('GET', '/api/moderation/queue', scoped)).statusCode).toBe(403);
  });
});
