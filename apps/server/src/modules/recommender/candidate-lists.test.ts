import { describe, expect, it } from 'vitest';
import { freshList, popularList, type ViewerFilter } from './candidate-lists.js';
import type { FreshNote } from './fresh-source.js';
import type { PoolNote } from './pool-note.js';

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

  it('fresh: the new notes the viewer’s interest pool holds go first, by that score, and later stages keep their lead over the rest', () => {
    const fresh = (noteId: string, stage: number): FreshNote => ({ ...pool(noteId), stage, stageImpressions: 0, stageKey: `${stage}:0` });
    const notes = [fresh('plain', 1), fresh('liked-a', 1), fresh('liked-b', 1), fresh('promoted', 2)];
    const interest = new Map([
      ['liked-a', 0.2],
      ['liked-b', 0.9],
    ]);
    const ranked = freshList(notes, viewer(), () => 100, [200, 2000, 20000], 10, interest).map((c) => c.noteId);
    expect(ranked).toEqual(['promoted', 'liked-b', 'liked-a', 'plain']);
  });
});
