import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakeProvider } from '../../../test/fakes/fake-http.js';
import { startFakeLibreTranslate } from '../../../test/fakes/fake-libretranslate.js';
import { apiCaller, insertNote, insertTopic, signUp, type TestUser } from '../../../test/fixtures.js';
import { createTestApp, nextIp, type TestApp } from '../../../test/test-app.js';
import { pruneTranslations } from './translation-queries.js';

// POST /api/translations through the real app, with LibreTranslate (a local
// server speaking its API) as the one provider.

let t: TestApp;
let lt: FakeProvider;
let ann: TestUser;
let bob: TestUser;
beforeAll(async () => {
  lt = await startFakeLibreTranslate();
  t = await createTestApp({ env: { LIBRETRANSLATE_URL: lt.url, TRANSLATE_RATE_PER_MINUTE: '5' } });
  ann = await signUp(t, 'ann_lee');
  bob = await signUp(t, 'bob_smith');
});
afterAll(async () => {
  await t.close();
  await lt.close();
});
// Each test starts in a fresh rate-limit window (the limiter reads the app's clock).
beforeEach(() => {
  t.advance(61);
  lt.behave('translate');
});

const call = apiCaller(() => t);
const translate = (payload: object, who?: TestUser, ip = nextIp()) =>
  t.app.inject({ method: 'POST', url: '/api/translations', payload, headers: who ? { cookie: who.cookie } : {}, remoteAddress: ip });
const qOf = (index: number) => (lt.translateCalls()[index]!.body as { q: string[] }).q;

describe('translating notes', () => {
  it('translates title and body in one call, keeping line breaks, hashtags, mentions, links and emoji', async () => {
    const noteId = await insertNote(t.database.db, {
      authorId: ann.id,
      title: '周末去爬山',
      body: '今天天气很好，我们去爬山了！\n\n  风景太美了 #周末爬山 🏔️\n@ann_lee https://example.org/trail\n',
    });
    const before = lt.translateCalls().length;
    const response = await translate({ kind: 'note', id: noteId, target: 'en-US' }, bob);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      translation: {
        kind: 'note',
        id: noteId,
        target: 'en',
        sourceLanguage: 'zh',
        provider: 'libretranslate',
        fields: {
          title: 'Weekend went hiking',
          body: 'Today the weather is great, we went hiking!\n\n  The scenery so beautiful #周末爬山 🏔️\n@ann_lee https://example.org/trail\n',
        },
      },
    });
    expect(lt.translateCalls()).toHaveLength(before + 1);
    expect(lt.translateCalls()[before]!.body).toEqual({
      q: ['周末去爬山', '今天天气很好，我们去爬山了！', '风景太美了 ⟦0⟧ ⟦1⟧'],
      source: 'auto',
      target: 'en',
      format: 'text',
    });
  });

  it('serves a second request from the shared cache, to any viewer', async () => {
    const noteId = await insertNote(t.database.db, { authorId: ann.id, title: '你好世界', body: '谢谢朋友' });
    const first = await translate({ kind: 'note', id: noteId, target: 'en' }, bob);
    const calls = lt.translateCalls().length;
    const again = await translate({ kind: 'note', id: noteId, target: 'en' });
    const byAnn = await translate({ kind: 'note', id: noteId, target: 'en' }, ann);
    expect(lt.translateCalls()).toHaveLength(calls);
    expect(again.json()).toEqual(first.json());
    expect(byAnn.json().translation.fields).toEqual({ title: 'Hello world', body: 'Thanks friends' });
    const rows = await t.database.db
      .selectFrom('translations')
      .selectAll()
      .where('target', '=', 'en')
      .where('translated_text', '=', 'Thanks friends')
      .execute();
    expect(rows).toMatchObject([{ provider: 'libretranslate', source_language: 'zh' }]);
  });

  it('an edited note is a new text: only what changed goes to the provider', async () => {
    const noteId = await insertNote(t.database.db, { authorId: ann.id, title: '我爱猫', body: '今天天气很好' });
    await translate({ kind: 'note', id: noteId, target: 'en' });
    const edited = await call('PATCH', `/api/notes/${noteId}`, ann, { body: '今天我们去吃火锅' });
    expect(edited.statusCode, edited.body).toBe(200);
    const calls = lt.translateCalls().length;
    const response = await translate({ kind: 'note', id: noteId, target: 'en' });
    expect(response.json().translation.fields).toEqual({ title: 'I love cat', body: 'Today we went eat hotpot' });
    expect(lt.translateCalls()).toHaveLength(calls + 1);
    expect(qOf(calls)).toEqual(['今天我们去吃火锅']);
  });

  it('identical requests in flight share one provider call', async () => {
    const noteId = await insertNote(t.database.db, { authorId: ann.id, title: '谢谢', body: '你好朋友' });
    lt.behave({ delayMs: 200 });
    const calls = lt.translateCalls().length;
    const responses = await Promise.all([
      translate({ kind: 'note', id: noteId, target: 'en' }),
      translate({ kind: 'note', id: noteId, target: 'en' }, bob),
      translate({ kind: 'note', id: noteId, target: 'en' }, ann),
    ]);
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 200]);
    expect(lt.translateCalls()).toHaveLength(calls + 1);
  });

  it('text in an unknown script still goes to the provider, which detects the language', async () => {
    const noteId = await insertNote(t.database.db, { authorId: ann.id, title: 'ⵜⴰⵎⴰⵣⵉⵖⵜ', body: 'ⴰⵣⵓⵍ ⴼⵍⵍⴰⵡⵏ' });
    const response = await translate({ kind: 'note', id: noteId, target: 'en' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().translation).toMatchObject({ sourceLanguage: null, fields: { title: '[en] ⵜⴰⵎⴰⵣⵉⵖⵜ', body: '[en] ⴰⵣⵓⵍ ⴼⵍⵍⴰⵡⵏ' } });
    expect(lt.translateCalls().at(-1)!.body).toMatchObject({ source: 'auto' });
  });

  it('a 10,000-character text is cut at sentence ends into requests the provider accepts', async () => {
    const paragraph = '今天天气很好，我们去爬山了！'.repeat(500);
    const body = `${paragraph}\n\n${'我爱猫。'.repeat(250)}`;
    expect(body.length).toBeGreaterThanOrEqual(8000);
    const noteId = await insertNote(t.database.db, { authorId: ann.id, title: '周末', body: body.padEnd(10_000, '！') });
    const calls = lt.translateCalls().length;
    const response = await translate({ kind: 'note', id: noteId, target: 'en' });
    expect(response.statusCode, response.body).toBe(200);
    const translated = response.json().translation.fields.body as string;
    expect(translated.split('\n')).toHaveLength(3);
    expect(translated).toContain('Today the weather is great, we went hiking! today the weather is great');
    const requests = lt.translateCalls().slice(calls);
    expect(requests.length).toBeGreaterThan(3);
    for (const request of requests) {
      const q = (request.body as { q: string[] }).q;
      expect(q.join('').length).toBeLessThanOrEqual(2000);
      for (const segment of q) expect(segment.length).toBeLessThanOrEqual(1000);
    }
  });
});

describe('comments, bios and topics', () => {
  it('translates a comment', async () => {
    const noteId = await insertNote(t.database.db, { authorId: ann.id, title: 'Hello' });
    const comment = await call('POST', `/api/notes/${noteId}/comments`, bob, { body: '谢谢朋友 👍 @ann_lee' });
    const response = await translate({ kind: 'comment', id: comment.json().id, target: 'en' }, ann);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().translation).toMatchObject({ kind: 'comment', provider: 'libretranslate', fields: { body: 'Thanks friends 👍 @ann_lee' } });
  });

  it('translates a bio by user id', async () => {
    const cat = await signUp(t, 'cat_lover');
    expect((await call('PATCH', '/api/me', cat, { bio: '我爱猫 🐱' })).statusCode).toBe(200);
    const response = await translate({ kind: 'bio', id: cat.id, target: 'en' });
    expect(response.json().translation).toMatchObject({ kind: 'bio', id: cat.id, fields: { body: 'I love cat 🐱' } });
  });

  it('glosses a topic name, CamelCase read as words', async () => {
    await insertTopic(t.database.db, '交猫税');
    await insertTopic(t.database.db, 'TikTokRefugee');
    const zh = await translate({ kind: 'topic', id: '交猫税', target: 'en' });
    expect(zh.json().translation).toMatchObject({ kind: 'topic', id: '交猫税', fields: { name: 'Pay cat tax' } });
    const en = await translate({ kind: 'topic', id: 'tiktokrefugee', target: 'zh-CN' });
    expect(en.json().translation).toMatchObject({ target: 'zh', fields: { name: 'Tik Tok 难民' } });
    expect(qOf(lt.translateCalls().length - 1)).toEqual(['Tik Tok Refugee']);
  });
});

describe('bad input', () => {
  const code = async (payload: object, who?: TestUser) => {
    const response = await translate(payload, who);
    return [response.statusCode, response.json().error?.code] as const;
  };

  it('nothing to translate, the same language, an unsupported target, a malformed request', async () => {
    const calls = lt.translateCalls().length;
    const emojiOnly = await insertNote(t.database.db, { authorId: ann.id, title: '😀😀', body: '#猫 #cat 123\n\n👍' });
    expect(await code({ kind: 'note', id: emojiOnly, target: 'en' })).toEqual([400, 'nothing_to_translate']);
    const noBio = await signUp(t, 'quiet_one');
    expect(await code({ kind: 'bio', id: noBio.id, target: 'en' })).toEqual([400, 'nothing_to_translate']);

    const english = await insertNote(t.database.db, { authorId: ann.id, title: 'Hello world', body: 'A walk in the park' });
    await t.database.db.updateTable('notes').set({ language: 'en' }).where('id', '=', english).execute();
    expect(await code({ kind: 'note', id: english, target: 'en-GB' })).toEqual([400, 'same_language']);
    expect(await code({ kind: 'note', id: english, target: 'xx' })).toEqual([400, 'unsupported_language']);
    expect(lt.translateCalls()).toHaveLength(calls);

    for (const payload of [
      { kind: 'video', id: english, target: 'en' },
      { kind: 'note', id: english },
      { kind: 'note', id: english, target: 'en', extra: 1 },
      { kind: 'note', id: '', target: 'en' },
    ]) {
      expect(await code(payload), JSON.stringify(payload)).toEqual([400, 'validation_failed']);
    }
  });

  it('a language the provider detects as the target is the same language, and is remembered', async () => {
    const noteId = await insertNote(t.database.db, { authorId: ann.id, title: 'Hello there', body: 'We went hiking today' });
    expect(await code({ kind: 'note', id: noteId, target: 'en' })).toEqual([400, 'same_language']);
    const calls = lt.translateCalls().length;
    expect(await code({ kind: 'note', id: noteId, target: 'en' })).toEqual([400, 'same_language']);
    expect(lt.translateCalls()).toHaveLength(calls);
  });

  it('what the viewer may not see is not found', async () => {
    const noteId = await insertNote(t.database.db, { authorId: ann.id, title: '你好', body: '谢谢' });
    const comment = (await call('POST', `/api/notes/${noteId}/comments`, ann, { body: '谢谢朋友' })).json();
    const dan = await signUp(t, 'dan_blocked');
    expect((await call('PUT', '/api/users/ann_lee/block', dan)).statusCode).toBeLessThan(300);
    expect(await code({ kind: 'note', id: noteId, target: 'en' }, dan)).toEqual([404, 'note_not_found']);
    expect(await code({ kind: 'comment', id: comment.id, target: 'en' }, dan)).toEqual([404, 'comment_not_found']);
    // Someone who blocked the viewer does not exist for them, bio included.
    const eve = await signUp(t, 'eve_blocked');
    expect((await call('PUT', '/api/users/eve_blocked/block', ann)).statusCode).toBeLessThan(300);
    expect((await call('PATCH', '/api/me', ann, { bio: '我爱猫' })).statusCode).toBe(200);
    expect(await code({ kind: 'bio', id: ann.id, target: 'en' }, eve)).toEqual([404, 'user_not_found']);

    const deleted = await insertNote(t.database.db, { authorId: ann.id, title: '你好', body: '' });
    expect((await call('DELETE', `/api/notes/${deleted}`, ann)).statusCode).toBe(204);
    expect(await code({ kind: 'note', id: deleted, target: 'en' })).toEqual([404, 'note_not_found']);
    expect(await code({ kind: 'note', id: 'abc', target: 'en' })).toEqual([404, 'note_not_found']);
    expect(await code({ kind: 'note', id: '99999999', target: 'en' })).toEqual([404, 'note_not_found']);
    expect(await code({ kind: 'comment', id: '99999999', target: 'en' })).toEqual([404, 'comment_not_found']);
    expect(await code({ kind: 'bio', id: 'ann_lee', target: 'en' })).toEqual([404, 'user_not_found']);
    expect(await code({ kind: 'topic', id: '没有这个话题', target: 'en' })).toEqual([404, 'topic_not_found']);
  });
});

describe('rate limits', () => {
  it('limits provider calls per user and per address with Retry-After; cached answers are free', async () => {
    const heavy = await signUp(t, 'heavy_user');
    const notes = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => insertNote(t.database.db, { authorId: ann.id, title: `你好 ${n}`, body: '' })));
    for (const noteId of notes.slice(0, 5)) expect((await translate({ kind: 'note', id: noteId, target: 'en' }, heavy)).statusCode).toBe(200);
    const limited = await translate({ kind: 'note', id: notes[5]!, target: 'en' }, heavy);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('translation_rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await translate({ kind: 'note', id: notes[0]!, target: 'en' }, heavy)).statusCode, 'cached').toBe(200);
    expect((await translate({ kind: 'note', id: notes[5]!, target: 'en' }, bob)).statusCode, 'someone else').toBe(200);

    const ip = nextIp();
    const more = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => insertNote(t.database.db, { authorId: ann.id, title: `我爱猫 ${n}`, body: '' })));
    for (const noteId of more.slice(0, 5)) expect((await translate({ kind: 'note', id: noteId, target: 'ja' }, undefined, ip)).statusCode).toBe(200);
    expect((await translate({ kind: 'note', id: more[5]!, target: 'ja' }, undefined, ip)).statusCode).toBe(429);
    t.advance(60);
    expect((await translate({ kind: 'note', id: more[5]!, target: 'ja' }, undefined, ip)).statusCode).toBe(200);
  });
});

describe('the cache', () => {
  it('forgets rows older than the cut-off', async () => {
    const total = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('translations')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await total()).toBeGreaterThan(0);
    expect(await pruneTranslations(t.database.db, new Date('2000-01-01T00:00:00Z'))).toBe(0);
    const future = new Date(t.now.getTime() + 1000);
    expect(await pruneTranslations(t.database.db, future)).toBeGreaterThan(0);
    expect(await total()).toBe(0);
  });
});

describe('meta and admin', () => {
  it('meta says translation is on; the admin page lists providers and their circuits', async () => {
    expect((await call('GET', '/api/meta')).json().translation).toEqual({ enabled: true });
    expect((await call('GET', '/api/admin/translation')).statusCode).toBe(401);
    expect((await call('GET', '/api/admin/translation', bob)).statusCode).toBe(403);
    await t.database.db.updateTable('users').set({ role: 'admin' }).where('id', '=', ann.id).execute();
    const status = await call('GET', '/api/admin/translation', ann);
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({
      enabled: true,
      providers: [
        { name: 'libretranslate', configured: true, state: 'closed', failures: 0, lastError: null },
        { name: 'deepl', configured: false, state: 'closed' },
        { name: 'openai', configured: false, state: 'closed' },
      ],
    });
    expect(status.json().setupHelp).toContain('OPENAI_BASE_URL');
  });
});
