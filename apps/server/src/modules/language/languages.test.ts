import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, insertNote, signUp, type TestUser } from '../../../test/fixtures.js';
import { uploadImages } from '../../../test/media-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { SUPPORTED_LANGUAGES } from '../accounts/languages.js';
import { backfillLanguages } from './backfill-languages.js';
import { DEFAULT_RECOMMENDER_SETTINGS } from '../../config/recommender-settings.js';
import { loadViewerBase } from '../recommender/viewer-state.js';
import { effectiveReadLanguages, uiReadLanguage } from './viewer-languages.js';

/** The feed's "only these languages" filter, as the recommender loads it for a viewer. */
const feedLanguageFilter = async (userId: string) => (await loadViewerBase(t.database.db, userId, []))!.onlyLanguages;

let t: TestApp;
let ann: TestUser;
let mei: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  ann = await signUp(t, 'ann_lang');
  mei = await signUp(t, 'mei_lang');
});
afterAll(() => t.close());

const call = apiCaller(() => t);
const ENGLISH = { title: 'Sunday hike', body: 'We walked up the hill behind the lake and watched the sunset. #hiking' };
const CHINESE = { title: '周末爬山', body: '我们爬到湖边的小山上看日落，风景太美了！#爬山' };

async function postNote(who: TestUser, text: { title: string; body: string }) {
  const response = await call('POST', '/api/notes', who, { ...text, imageIds: await uploadImages(t, who.cookie, 1) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; language: string | null; languageSource?: string };
}
const stored = (noteId: string) =>
  t.database.db.selectFrom('notes').select(['language', 'language_confidence', 'language_source']).where('id', '=', noteId).executeTakeFirstOrThrow();

describe('note languages', () => {
  it('detects the language on create and again on edit, and shows it on cards and the note page', async () => {
    const english = await postNote(ann, ENGLISH);
    expect(english).toMatchObject({ language: 'en', languageSource: 'detected' });
    expect((await stored(english.id)).language_confidence).toBeGreaterThan(0.5);
    const chinese = await postNote(ann, CHINESE);
    expect(chinese.language).toBe('zh');

    const seen = (await call('GET', `/api/notes/${chinese.id}`, mei)).json();
    expect(seen.language).toBe('zh');
    // The source is the author's business.
    expect(seen).not.toHaveProperty('languageSource');
    expect((await call('GET', `/api/notes/${chinese.id}`)).json()).toMatchObject({ language: 'zh' });
    const cards = (await call('GET', '/api/users/ann_lang/notes', mei)).json().items as Array<{ id: string; language: string | null }>;
    expect(cards.find((card) => card.id === english.id)?.language).toBe('en');
    expect(cards.find((card) => card.id === chinese.id)?.language).toBe('zh');

    const edited = await call('PATCH', `/api/notes/${english.id}`, ann, { body: CHINESE.body, title: CHINESE.title });
    expect(edited.json()).toMatchObject({ language: 'zh', languageSource: 'detected' });
    const emptied = await call('PATCH', `/api/notes/${english.id}`, ann, { title: '🐱🐱', body: '#cats' });
    expect(emptied.json().language).toBeNull();
    expect((await stored(english.id)).language_confidence).toBe(0);
  });

  it('keeps the author’s correction through edits, and null hands it back to detection', async () => {
    const note = await postNote(ann, ENGLISH);
    const corrected = await call('PUT', `/api/notes/${note.id}/language`, ann, { language: 'ja' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({ id: note.id, language: 'ja', languageSource: 'author' });
    expect(await stored(note.id)).toEqual({ language: 'ja', language_confidence: null, language_source: 'author' });

    await call('PATCH', `/api/notes/${note.id}`, ann, { body: CHINESE.body });
    expect((await call('GET', `/api/notes/${note.id}`, ann)).json()).toMatchObject({ language: 'ja', languageSource: 'author' });

    const reset = await call('PUT', `/api/notes/${note.id}/language`, ann, { language: null });
    expect(reset.json()).toMatchObject({ language: 'zh', languageSource: 'detected' });
    await call('PATCH', `/api/notes/${note.id}`, ann, ENGLISH);
    expect((await call('GET', `/api/notes/${note.id}`, ann)).json()).toMatchObject({ language: 'en', languageSource: 'detected' });
  });

  it('lets only the author correct a live note, with a supported code; a refusal changes nothing', async () => {
    const note = await postNote(ann, ENGLISH);
    const before = await stored(note.id);
    const cases: Array<[TestUser | undefined, string, object, number, string]> = [
      [mei, note.id, { language: 'zh' }, 403, 'forbidden'],
      [undefined, note.id, { language: 'zh' }, 401, 'unauthenticated'],
      [ann, note.id, { language: 'xx' }, 400, 'content_language_invalid'],
      [ann, note.id, { language: 'EN' }, 400, 'content_language_invalid'],
      [ann, note.id, { language: 'zh-CN' }, 400, 'content_language_invalid'],
      [ann, note.id, {}, 400, 'validation_failed'],
      [ann, note.id, { language: 'en', extra: true }, 400, 'validation_failed'],
      [ann, '987654321', { language: 'en' }, 404, 'note_not_found'],
    ];
    for (const [who, id, payload, status, code] of cases) {
      const response = await call('PUT', `/api/notes/${id}/language`, who, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.json().error.code, JSON.stringify(payload)).toBe(code);
    }
    expect(await stored(note.id)).toEqual(before);
    expect((await call('PUT', `/api/notes/${note.id}/language`, ann, { language: 'xx' })).json().error.supported).toContain('zh');

    expect((await call('DELETE', `/api/notes/${note.id}`, ann)).statusCode).toBe(204);
    const gone = await call('PUT', `/api/notes/${note.id}/language`, ann, { language: 'en' });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('note_not_found');
  });
});

describe('comment languages', () => {
  it('detects each comment, shows it, and lets its author correct it', async () => {
    const note = await postNote(mei, CHINESE);
    const comment = async (body: string) => {
      const response = await call('POST', `/api/notes/${note.id}/comments`, ann, { body });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { id: string; language: string | null };
    };
    const english = await comment('What a beautiful view, I wish I could hike there too!');
    const chinese = await comment('太美了，下次带我一起去吧！');
    const emoji = await comment('😍😍😍');
    expect([english.language, chinese.language, emoji.language]).toEqual(['en', 'zh', null]);
    const listed = (await call('GET', `/api/notes/${note.id}/comments?sort=newest`, mei)).json().items as Array<{ id: string; language: string | null }>;
    expect(Object.fromEntries(listed.map((item) => [item.id, item.language]))).toEqual({ [english.id]: 'en', [chinese.id]: 'zh', [emoji.id]: null });

    const denied = await call('PUT', `/api/comments/${english.id}/language`, mei, { language: 'fr' });
    expect(denied.statusCode).toBe(403);
    const invalid = await call('PUT', `/api/comments/${english.id}/language`, ann, { language: 'english' });
    expect(invalid.json().error.code).toBe('content_language_invalid');
    const corrected = await call('PUT', `/api/comments/${english.id}/language`, ann, { language: 'fr' });
    expect(corrected.json()).toEqual({ id: english.id, language: 'fr' });
    const listedAgain = (await call('GET', `/api/notes/${note.id}/comments?sort=newest`, mei)).json().items as Array<{ id: string; language: string | null }>;
    expect(listedAgain.find((item) => item.id === english.id)?.language).toBe('fr');
    expect((await call('PUT', `/api/comments/${english.id}/language`, ann, { language: null })).json().language).toBe('en');

    await call('DELETE', `/api/comments/${chinese.id}`, ann);
    expect((await call('PUT', `/api/comments/${chinese.id}/language`, ann, { language: 'zh' })).json().error.code).toBe('comment_not_found');
  });
});

describe('bio language and reading settings', () => {
  it('detects the bio, takes a correction, and shows it on the public profile', async () => {
    const patched = await call('PATCH', '/api/me', mei, { bio: '上海 · 爱猫爱做饭，周末去爬山' });
    expect(patched.json().bioLanguage).toBe('zh');
    expect((await call('GET', '/api/users/mei_lang')).json().bioLanguage).toBe('zh');
    expect((await call('PATCH', '/api/me', mei, { bioLanguage: 'ja' })).json().bioLanguage).toBe('ja');
    const invalid = await call('PATCH', '/api/me', mei, { bioLanguage: 'klingon' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('content_language_invalid');
    expect((await call('GET', '/api/me', mei)).json().bioLanguage).toBe('ja');
    expect((await call('PATCH', '/api/me', mei, { bioLanguage: null })).json().bioLanguage).toBe('zh');
    expect((await call('PATCH', '/api/me', mei, { bio: 'Nurse in Columbus. Here for the cats and the dumplings.' })).json().bioLanguage).toBe('en');
    expect((await call('PATCH', '/api/me', mei, { bio: '' })).json().bioLanguage).toBeNull();
  });

  it('round-trips reading settings and refuses bad lists without changing anything', async () => {
    const me = (await call('GET', '/api/me', ann)).json();
    expect(me).toMatchObject({ language: 'en', readLanguages: ['en'], autoTranslate: false, feedLanguagesOnly: false });
    expect(await feedLanguageFilter(ann.id)).toBeNull();

    const saved = await call('PATCH', '/api/me', ann, { readLanguages: ['zh', 'EN', 'zh', ' ja '], autoTranslate: true, feedLanguagesOnly: true });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ readLanguages: ['zh', 'en', 'ja'], autoTranslate: true, feedLanguagesOnly: true });
    expect(await feedLanguageFilter(ann.id)).toEqual(['zh', 'en', 'ja']);

    const eleven = ['en', 'zh', 'ja', 'ko', 'es', 'fr', 'de', 'pt', 'ru', 'it', 'nl'];
    const cases: Array<[object, string]> = [
      [{ readLanguages: [] }, 'read_languages_invalid'],
      [{ readLanguages: ['en', 'xx'] }, 'read_languages_invalid'],
      [{ readLanguages: ['zh-CN'] }, 'read_languages_invalid'],
      [{ readLanguages: eleven }, 'read_languages_invalid'],
      [{ readLanguages: [''] }, 'read_languages_invalid'],
      [{ autoTranslate: 'yes' }, 'validation_failed'],
      [{ readLanguages: ['en'], bioLanguage: 'xx' }, 'content_language_invalid'],
    ];
    for (const [payload, code] of cases) {
      const response = await call('PATCH', '/api/me', ann, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code, JSON.stringify(payload)).toBe(code);
    }
    expect((await call('PATCH', '/api/me', ann, { readLanguages: ['en', 'xx'] })).json().error.unknown).toEqual(['xx']);
    expect((await call('GET', '/api/me', ann)).json()).toMatchObject({ readLanguages: ['zh', 'en', 'ja'], autoTranslate: true, feedLanguagesOnly: true });
    // Ten distinct codes are allowed, duplicates do not count twice.
    expect((await call('PATCH', '/api/me', ann, { readLanguages: [...eleven.slice(0, 10), 'en'] })).json().readLanguages).toHaveLength(10);

    await call('PATCH', '/api/me', ann, { feedLanguagesOnly: false });
    expect(await feedLanguageFilter(ann.id)).toBeNull();
  });

  it('derives the languages someone reads from their interface language until they choose', async () => {
    const expected: Record<string, string> = { en: 'en', 'zh-CN': 'zh', 'zh-TW': 'zh', ja: 'ja', ko: 'ko', es: 'es' };
    for (const language of SUPPORTED_LANGUAGES) {
      const response = await call('PATCH', '/api/me', mei, { language });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().readLanguages, language).toEqual([expected[language]]);
    }
    for (const [ui, content] of Object.entries(expected)) expect(uiReadLanguage(ui)).toBe(content);
    expect(uiReadLanguage('tlh')).toBe('en');
    expect(effectiveReadLanguages({ language: 'zh-CN', read_languages: ['ko'] })).toEqual(['ko']);
  });
});

describe('language backfill', () => {
  it('detects rows written without a language, once', async () => {
    const db = t.database.db;
    const english = await insertNote(db, { authorId: ann.id, title: 'Old note', body: 'Written long before language detection existed here.' });
    const chinese = await insertNote(db, { authorId: ann.id, title: '旧笔记', body: '很久以前写的，那时还没有语言识别。' });
    const unknown = await insertNote(db, { authorId: ann.id, title: '🐱', body: '' });
    const comment = await db
      .insertInto('comments')
      .values({ note_id: english, author_id: mei.id, parent_id: null, body: 'I remember this one, such a good day!', created_at: t.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.updateTable('users').set({ bio: '喜欢猫，也喜欢做饭和旅行', bio_language: null }).where('id', '=', mei.id).execute();

    const first = await backfillLanguages(db, { batchSize: 2 });
    expect(first.notes).toBeGreaterThanOrEqual(3);
    expect(first.comments).toBeGreaterThanOrEqual(1);
    expect(first.bios).toBeGreaterThanOrEqual(1);
    const notes = await db
      .selectFrom('notes')
      .select(['id', 'language', 'language_confidence'])
      .where('id', 'in', [english, chinese, unknown])
      .orderBy('id')
      .execute();
    expect(notes.map((note) => note.language)).toEqual(['en', 'zh', null]);
    expect(notes.every((note) => note.language_confidence !== null)).toBe(true);
    expect((await db.selectFrom('comments').select('language').where('id', '=', comment.id).executeTakeFirstOrThrow()).language).toBe('en');
    expect((await db.selectFrom('users').select('bio_language').where('id', '=', mei.id).executeTakeFirstOrThrow()).bio_language).toBe('zh');

    expect(await backfillLanguages(db)).toEqual({ notes: 0, comments: 0, bios: 0 });
  });
});
