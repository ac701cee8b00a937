import { describe, expect, it } from 'vitest';
import { exploreList, freshList, popularList, trendingList, type ViewerFilter } from './candidate-lists.js';
import type { FreshNote } from './fresh-source.js';
import type { PoolNote } from './pool-note.js';
import type { TrendingNote } from './trending-source.js';

const pool = (noteId: string, fields: Partial<PoolNote> = {}): PoolNote => ({
  noteId,
  authorId: `author-${noteId}`,
  kind: 'image',
  language: 'en',
  authorRegion: 'US',
  topicIds: [],
  labels: [],
  quality: 0.1,
  createdAt: new Date('2026-11-20T00:00:00Z'),
  ...fields,
});
const viewer = (fields: Partial<ViewerFilter> = {}): ViewerFilter => ({
  allows: () => true,
  readLanguages: ['en'],
  region: 'NZ',
  topicWeights: new Map(),
  qualityFactor: () => 1,
  ...fields,
});

describe('candidate lists', () => {
  it('popular: the viewer’s languages first, then their region, then the pool’s own (quality) order', () => {
    const notes = [pool('far-zh', { language: 'zh', authorRegion: 'NZ' }), pool('far-en'), pool('near-en', { authorRegion: 'NZ' })];
    expect(popularList(notes, viewer(), 10).map((c) => c.noteId)).toEqual(['near-en', 'far-en', 'far-zh']);
    // Region unknown (signed out): quality order within the language.
    expect(popularList(notes, viewer({ region: null }), 10).map((c) => c.noteId)).toEqual(['far-en', 'near-en', 'far-zh']);
  });

  it('fresh: a note that earned a later stage goes before first-stage notes, and a spent budget drops out', () => {
    const fresh = (noteId: string, stage: number): FreshNote => ({ ...pool(noteId), stage, stageImpressions: 0, stageKey: `${stage}:0` });
    const notes = [fresh('new-a', 1), fresh('promoted', 2), fresh('new-b', 1), fresh('spent', 1)];
    const left = (note: FreshNote) => (note.noteId === 'spent' ? 0 : 100);
    const ranked = freshList(notes, viewer(), left, [200, 2000, 20000], 10).map((c) => c.noteId);
    expect(ranked[0]).toBe('promoted');
    expect(ranked).not.toContain('spent');
    expect(ranked).toHaveLength(3);
  });

  it('fresh: a page reads a bounded window, the highest stage first, each stage from the viewer’s own start', () => {
    const fresh = (noteId: string, stage: number): FreshNote => ({ ...pool(noteId), stage, stageImpressions: 0, stageKey: `${stage}:0` });
    const notes = Array.from({ length: 1000 }, (_, i) => fresh(`n${i}`, i === 900 ? 3 : 1));
    let asked = 0;
    const counting = viewer({ allows: () => (asked += 1) > 0 });
    const ranked = freshList(notes, counting, () => 100, [200, 2000, 20000], 5, 400).map((c) => c.noteId);
    expect(ranked[0]).toBe('n900');
    // Twice the list's length: the promoted note and 9 first-stage ones, not the whole pool.
    expect(asked).toBe(10);
    expect(ranked.slice(1).every((id) => Number(id.slice(1)) >= 400 && Number(id.slice(1)) < 409)).toBe(true);
    // Another start: another window (wrapping around the end).
    const other = freshList(notes, viewer(), () => 100, [200, 2000, 20000], 5, 998).map((c) => c.noteId);
    expect(other.slice(1).sort()).toEqual(['n0', 'n1', 'n2', 'n999']);
  });

  it('trending: notes in the viewer’s pool first by pool score, then by trend; the scan stops once the list is full', () => {
    const trending = (noteId: string, trend: number): TrendingNote => ({ ...pool(noteId), trend, trendTopicId: null });
    const notes = Array.from({ length: 500 }, (_, i) => trending(`t${i}`, 500 - i));
    const interest = new Map([
      ['t300', 0.2],
      ['t7', 0.9],
    ]);
    let asked = 0;
    const ranked = trendingList(notes, viewer({ allows: () => (asked += 1) > 0 }), 4, interest).map((c) => c.noteId);
    expect(ranked).toEqual(['t7', 't300', 't0', 't1']);
    // The first 4 by trend (one of them liked), then only the liked note further down.
    expect(asked).toBe(6);
  });

  it('explore: the sample from the viewer’s start, wrapping, without the notes they may not see', () => {
    const notes = ['a', 'b', 'c', 'd'].map((id, i) => ({ ...pool(id), draw: 4 - i }));
    expect(exploreList(notes, viewer({ allows: (note) => note.noteId !== 'd' }), 3, 2).map((c) => c.noteId)).toEqual(['c', 'a', 'b']);
  });

  it('fresh: the new notes the viewer’s interest pool holds go first, by that score, and later stages keep their lead over the rest', () => {
    const fresh = (noteId: string, stage: number): FreshNote => ({ ...pool(noteId), stage, stageImpressions: 0, stageKey: `${stage}:0` });
    const notes = [fresh('plain', 1), fresh('liked-a', 1), fresh('liked-b', 1), fresh('promoted', 2)];
    const interest = new Map([
      ['liked-a', 0.2],
      ['liked-b', 0.9],
    ]);
    const ranked = freshList(notes, viewer(), () => 100, [200, 2000, 20000], 10, 0, interest).map((c) => c.noteId);
    expect(ranked).toEqual(['promoted', 'liked-b', 'liked-a', 'plain']);
  });

  it('fresh: the pool’s picks are found outside the window too', () => {
    const fresh = (noteId: string): FreshNote => ({ ...pool(noteId), stage: 1, stageImpressions: 0, stageKey: '1:0' });
    const notes = Array.from({ length: 1000 }, (_, i) => fresh(`n${i}`));
    const ranked = freshList(notes, viewer(), () => 100, [200, 2000, 20000], 3, 0, new Map([['n777', 0.5]])).map((c) => c.noteId);
    expect(ranked[0]).toBe('n777');
    expect(ranked).toHaveLength(3);
  });
});
