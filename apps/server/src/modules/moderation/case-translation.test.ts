import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLibreTranslate } from '../../../test/fakes/fake-libretranslate.js';
import { apiCaller, insertNote, policyEnv, setUserFields, signUp, TEST_POLICY } from '../../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

// A moderator reading the Chinese interface sees a reported English note with
// its machine translation, even when the note is already hidden in the
// moderator's own region (moderators review what readers there cannot see).

let t: TestApp;
let lt: Awaited<ReturnType<typeof startFakeLibreTranslate>>;
const call = apiCaller(() => t);

beforeAll(async () => {
  lt = await startFakeLibreTranslate();
  t = await createTestApp({ env: { ...policyEnv(TEST_POLICY), LIBRETRANSLATE_URL: lt.url } });
});
afterAll(async () => {
  await t.close();
  await lt.close();
});

describe('case translation', () => {
  it("translates the item into the moderator's language, and keeps the original", async () => {
    const author = await signUp(t, 'ct_author');
    const reporter = await signUp(t, 'ct_reporter');
    const mod = await signUp(t, 'ct_mod');
    await setUserFields(t.database.db, mod.id, { role: 'moderator', region: 'CN' });
    await t.database.db.updateTable('users').set({ language: 'zh-CN' }).where('id', '=', mod.id).execute();
    const noteId = await insertNote(t.database.db, { authorId: author.id, title: 'hello', body: 'hello cat' });
    await t.database.db
      .updateTable('notes')
      .set({ language: 'en', labels: ['gambling'] })
      .where('id', '=', noteId)
      .execute();
    expect((await call('POST', '/api/reports', reporter, { subject: { type: 'note', id: noteId }, category: 'spam' })).statusCode).toBe(201);
    const [item] = (await call('GET', '/api/moderation/queue', mod)).json().items;
    const detail = (await call('GET', `/api/moderation/cases/${item.id}`, mod)).json();
    expect(detail.item).toMatchObject({ title: 'hello', text: 'hello cat', language: 'en' });
    expect(detail.translation).toMatchObject({ language: 'zh', title: '你好' });
    expect(detail.translation.text).toContain('猫');
  });
});
