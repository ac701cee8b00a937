import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertNote } from '../../../test/fixtures.js';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let cookie: string;
let imageNote: string;
beforeAll(async () => {
  t = await createTestApp();
  const ann = await signIn(t, '+14155552671', { handle: 'watcher', displayName: 'Watcher' });
  cookie = ann.cookie;
  imageNote = await insertNote(t.database.db, { authorId: ann.user.id });
});
afterAll(() => t.close());

const send = (events: unknown[], headers: Record<string, string> = { cookie }) =>
  t.app.inject({ method: 'POST', url: '/api/events', payload: { events }, headers });
const countEvents = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('telemetry', () => {
  it('stores a batch once, however often it is retried, and feeds view counters from impressions', async () => {
    const sessionId = randomUUID();
    const at = t.now.getTime();
    const batch = [
      { type: 'impression', noteId: imageNote, at, sessionId, seq: 1, source: 'explore' },
      { type: 'share', noteId: imageNote, at: at + 500, sessionId, seq: 2, source: 'note' },
    ];
    expect((await send(batch)).json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect((await send(batch)).json()).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
    expect(await countEvents()).toBe(2);
    const row = await t.database.db.selectFrom('events').selectAll().where('client_seq', '=', 1).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ type: 'impression', note_id: imageNote, source: 'explore' });
    await t.app.content.views.flush(t.now);
    expect((await t.app.inject({ url: `/api/notes/${imageNote}` })).json().counts.views).toBe(1);
  });

  it('refuses events it cannot believe, one by one, keeping the rest', async () => {
    const sessionId = randomUUID();
    const at = t.now.getTime();
    const result = (
      await send([
        { type: 'impression', noteId: '999999999', at, sessionId, seq: 1 },
        { type: 'impression', noteId: imageNote, at: at - 3 * 86_400_000, sessionId, seq: 2 },
        { type: 'watch', noteId: imageNote, at, sessionId, seq: 3, watchMs: 5000 },
        { type: 'impression', noteId: imageNote, at, sessionId, seq: 4 },
      ])
    ).json();
    expect(result.accepted).toBe(1);
    expect(result.rejected).toEqual([
      { index: 0, reason: 'note_not_found' },
      { index: 1, reason: 'time_out_of_range' },
      { index: 2, reason: 'not_a_playable_video' },
    ]);
  });

  it('keeps the slot of an impression and the time spent on a note page (dwell)', async () => {
    const sessionId = randomUUID();
    const at = t.now.getTime();
    const result = (
      await send([
        { type: 'impression', noteId: imageNote, at, sessionId, seq: 1, source: 'explore', position: 7 },
        { type: 'dwell', noteId: imageNote, at: at + 20_000, sessionId, seq: 2, source: 'note', watchMs: 18_000 },
        { type: 'dwell', noteId: imageNote, at: at + 20_000, sessionId, seq: 3, source: 'note' },
        { type: 'dwell', noteId: imageNote, at: at + 20_000, sessionId, seq: 4, source: 'note', watchMs: 2 * 3_600_000 },
        // A slot means something only for an impression.
        { type: 'share', noteId: imageNote, at: at + 21_000, sessionId, seq: 5, position: 3 },
      ])
    ).json();
    expect(result.accepted).toBe(3);
    expect(result.rejected).toEqual([
      { index: 2, reason: 'dwell_invalid' },
      { index: 3, reason: 'dwell_invalid' },
    ]);
    const rows = await t.database.db
      .selectFrom('events')
      .select(['type', 'position', 'watch_ms'])
      .where('client_session', '=', sessionId)
      .orderBy('client_seq')
      .execute();
    expect(rows).toEqual([
      { type: 'impression', position: 7, watch_ms: null },
      { type: 'dwell', position: null, watch_ms: 18_000 },
      { type: 'share', position: null, watch_ms: null },
    ]);
    // Positions are whole, non-negative slots.
    for (const position of [-1, 1.5]) {
      const response = await send([{ type: 'impression', noteId: imageNote, at, sessionId: randomUUID(), seq: 1, position }]);
      expect(response.statusCode).toBe(400);
    }
  });

  it('validates the batch shape', async () => {
    const sessionId = randomUUID();
    const one = { type: 'impression', noteId: imageNote, at: t.now.getTime(), sessionId, seq: 1 };
    for (const events of [
      [],
      Array.from({ length: 101 }, (_, i) => ({ ...one, seq: i })),
      [{ ...one, sessionId: 'nope' }],
      [{ ...one, type: 'hover' }],
      [{ ...one, extra: 1 }],
    ]) {
      const response = await send(events);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
  });

  it('accepts signed-out viewers', async () => {
    const response = await send([{ type: 'impression', noteId: imageNote, at: t.now.getTime(), sessionId: randomUUID(), seq: 1 }], {});
    expect(response.statusCode).toBe(202);
    expect(response.json().accepted).toBe(1);
  });

  it('believes playback only as long as the video and the clock allow', async () => {
    // A processed 10-second video note, written as the pipeline leaves it.
    const author = await t.database.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
    const videoNote = await insertNote(t.database.db, { authorId: author.id, title: 'Ten seconds' });
    await t.database.db.updateTable('notes').set({ kind: 'video' }).where('id', '=', videoNote).execute();
    await t.database.db
      .insertInto('videos')
      .values({
        id: randomUUID(),
        owner_id: author.id,
        note_id: videoNote,
        status: 'ready',
        source_name: 'clip.mp4',
        source_bytes: 1000,
        duration_ms: 10_000,
        width: 720,
        height: 1280,
        created_at: t.now,
        updated_at: t.now,
      })
      .execute();
    const sessionId = randomUUID();
    const start = t.now.getTime() - 60_000;
    const event = (seq: number, atOffset: number, extra: object) => ({
      noteId: videoNote,
      sessionId,
      seq,
      at: start + atOffset,
      source: 'video_feed',
      ...extra,
    });
    const result = (
      await send([
        event(1, 0, { type: 'impression' }),
        event(2, 100, { type: 'play' }),
        event(3, 5_100, { type: 'watch', watchMs: 5_000 }),
        event(4, 10_100, { type: 'watch', watchMs: 5_000, positionMs: 10_000 }),
        event(5, 10_150, { type: 'complete', positionMs: 10_000 }),
        event(6, 10_200, { type: 'watch', watchMs: 20_000 }),
        event(7, 10_300, { type: 'complete', positionMs: 3 * 3_600_000 }),
        // A fabricated burst: 60 s of watching claimed within one second of the clock.
        ...Array.from({ length: 6 }, (_, i) => event(8 + i, 11_000 + i * 100, { type: 'watch', watchMs: 10_000 })),
      ])
    ).json();
    // impression, play, two honest chunks, complete, and one burst chunk (within the slack).
    expect(result.accepted).toBe(6);
    expect(result.rejected).toEqual([
      { index: 5, reason: 'watch_chunk_invalid' },
      { index: 6, reason: 'position_beyond_end' },
      { index: 8, reason: 'watch_exceeds_elapsed_time' },
      { index: 9, reason: 'watch_exceeds_elapsed_time' },
      { index: 10, reason: 'watch_exceeds_elapsed_time' },
      { index: 11, reason: 'watch_exceeds_elapsed_time' },
      { index: 12, reason: 'watch_exceeds_elapsed_time' },
    ]);
    const watched = await t.database.db
      .selectFrom('events')
      .select((eb) => eb.fn.sum<string>('watch_ms').as('ms'))
      .where('client_session', '=', sessionId)
      .executeTakeFirstOrThrow();
    // 10 s truly played, plus at most one chunk of reporting slack.
    expect(Number(watched.ms)).toBeLessThanOrEqual(10_000 + 15_000);

    // Time on the note page is not playback: it never counts against the clock check.
    const other = randomUUID();
    const paged = (
      await send([
        { type: 'dwell', noteId: videoNote, sessionId: other, seq: 1, at: start, watchMs: 50_000 },
        { type: 'watch', noteId: videoNote, sessionId: other, seq: 2, at: start + 5_100, watchMs: 5_000 },
      ])
    ).json();
    expect(paged).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
  });
});
