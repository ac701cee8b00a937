import { describe, expect, it } from 'vitest';
import type { Candidate, CandidateSource } from './recommender-types.js';
import { allocateSlots, rerank, spreadSlots, topicSimilarity } from './rerank.js';

let next = 0;
const note = (authorId: string, score: number, source: CandidateSource = 'interest', topicIds: string[] = []): Candidate => {
  next += 1;
  return { noteId: String(next), authorId, topicIds, language: null, kind: 'image', score, source, reason: { code: 'similar_notes' } };
};
const relevanceOnly = { quotas: { interest: 1 }, maxPerAuthor: 100, diversityLambda: 1 };

describe('rerank', () => {
  it('keeps the sources order when nothing else matters (distinct authors, no topics)', () => {
    const list = [note('a', 0.9), note('b', 0.8), note('c', 0.8), note('d', 0.1)];
    expect(rerank(list, { ...relevanceOnly, limit: 4 }).map((c) => c.noteId)).toEqual(list.map((c) => c.noteId));
    // With diversity on, notes without topics overlap nothing: the same order.
    expect(rerank(list, { ...relevanceOnly, limit: 4, diversityLambda: 0.5 }).map((c) => c.noteId)).toEqual(list.map((c) => c.noteId));
  });

  it('never puts two notes by the same author in a row', () => {
    const list = [note('a', 1), note('a', 0.99), note('a', 0.98), note('b', 0.5), note('c', 0.4)];
    const page = rerank(list, { ...relevanceOnly, limit: 5 });
    for (let i = 1; i < page.length; i += 1) expect(page[i]!.authorId).not.toBe(page[i - 1]!.authorId);
    expect(page.map((c) => c.authorId)).toEqual(['a', 'b', 'a', 'c', 'a']);
  });

  it('caps one author per page, even if the page ends short', () => {
    const list = [note('a', 1), note('a', 0.9), note('a', 0.8), note('b', 0.7), note('a', 0.6)];
    const page = rerank(list, { ...relevanceOnly, limit: 5, maxPerAuthor: 2 });
    expect(page.filter((c) => c.authorId === 'a')).toHaveLength(2);
    expect(page.map((c) => c.authorId)).toEqual(['a', 'b', 'a']);
  });

  it('spreads topics with MMR: a less relevant note on another topic beats a near-duplicate', () => {
    const cats1 = note('a', 1, 'interest', ['cats']);
    const cats2 = note('b', 0.95, 'interest', ['cats']);
    const food = note('c', 0.8, 'interest', ['food']);
    const mixed = rerank([cats1, cats2, food], { ...relevanceOnly, limit: 3, diversityLambda: 0.7 });
    expect(mixed.map((c) => c.noteId)).toEqual([cats1.noteId, food.noteId, cats2.noteId]);
    const relevance = rerank([cats1, cats2, food], { ...relevanceOnly, limit: 3, diversityLambda: 1 });
    expect(relevance.map((c) => c.noteId)).toEqual([cats1.noteId, cats2.noteId, food.noteId]);
    expect(topicSimilarity(['x', 'y'], ['y', 'z'])).toBeCloseTo(1 / 3);
    expect(topicSimilarity([], ['y'])).toBe(0);
  });

  it('keeps the first half of the page in relevance order and diversifies the rest against all of it', () => {
    const cats = [1, 0.95, 0.9, 0.85].map((score, k) => note(`cat${k}`, score, 'interest', ['cats']));
    const food = note('chef', 0.6, 'interest', ['food']);
    const page = rerank([...cats, food], { ...relevanceOnly, limit: 4, diversityLambda: 0.5 });
    // Two cat notes first (the strongest matches), then the other topic, then cats again.
    expect(page.map((c) => c.noteId)).toEqual([cats[0]!.noteId, cats[1]!.noteId, food.noteId, cats[2]!.noteId]);
  });

  it('gives each source its quota of the page', () => {
    const authors = 'abcdefghijklmnopqrstuvwxyz'.split('');
    const interest = authors.slice(0, 10).map((a, i) => note(a, 1 - i / 100, 'interest'));
    const fresh = authors.slice(10, 20).map((a, i) => note(a, 1 - i / 100, 'fresh'));
    const trending = authors.slice(20, 26).map((a, i) => note(a, 1 - i / 100, 'trending'));
    const page = rerank([...interest, ...fresh, ...trending], {
      limit: 10,
      quotas: { interest: 0.6, fresh: 0.2, trending: 0.2 },
      maxPerAuthor: 2,
      diversityLambda: 0.8,
    });
    const count = (source: CandidateSource) => page.filter((c) => c.source === source).length;
    expect([count('interest'), count('fresh'), count('trending')]).toEqual([6, 2, 2]);
    // Within a source, its own order is kept.
    expect(page.filter((c) => c.source === 'interest').map((c) => c.noteId)).toEqual(interest.slice(0, 6).map((c) => c.noteId));
  });

  it('hands a short source its leftovers: interest first, then trending', () => {
    const interest = [note('a', 1, 'interest'), note('b', 0.9, 'interest'), note('c', 0.8, 'interest')];
    const trending = [note('d', 1, 'trending'), note('e', 0.9, 'trending'), note('f', 0.8, 'trending')];
    const fresh = [note('g', 1, 'fresh')];
    const page = rerank([...interest, ...trending, ...fresh], {
      limit: 6,
      quotas: { interest: 0.34, fresh: 0.33, following: 0.33 },
      maxPerAuthor: 2,
      diversityLambda: 1,
    });
    expect(page).toHaveLength(6);
    expect(page.filter((c) => c.source === 'interest')).toHaveLength(3);
    expect(page.filter((c) => c.source === 'fresh')).toHaveLength(1);
    expect(page.filter((c) => c.source === 'trending')).toHaveLength(2);
    expect(
      allocateSlots(
        new Map([
          ['interest', 1],
          ['trending', 9],
        ]),
        { interest: 0.5, explore: 0.5 },
        4,
      ),
    ).toEqual(
      new Map([
        ['interest', 1],
        ['explore', 0],
        ['trending', 3],
      ]),
    );
  });

  it('gives discovery sources their whole slots and the rounding remainder to interest', () => {
    const plenty = new Map<CandidateSource, number>([
      ['interest', 50],
      ['fresh', 50],
      ['following', 50],
      ['trending', 50],
      ['explore', 50],
    ]);
    const quotas = { interest: 0.55, fresh: 0.15, following: 0.15, trending: 0.1, explore: 0.05 };
    // 10 slots: 5.5 / 1.5 / 1.5 / 1 / 0.5: the halves go to interest, not to whichever source rounds first.
    expect(allocateSlots(plenty, quotas, 10)).toEqual(
      new Map([
        ['interest', 7],
        ['fresh', 1],
        ['following', 1],
        ['trending', 1],
        ['explore', 0],
      ]),
    );
    // 20 slots divide exactly.
    expect(allocateSlots(plenty, quotas, 20).get('explore')).toBe(1);
  });

  it('counts a note offered by two sources once, for the first', () => {
    const a = note('a', 1, 'interest');
    const page = rerank([a, { ...a, source: 'trending' }, note('b', 0.5, 'trending')], {
      limit: 3,
      quotas: { interest: 0.5, trending: 0.5 },
      maxPerAuthor: 2,
      diversityLambda: 1,
    });
    expect(page.map((c) => [c.noteId, c.source])).toEqual([
      [a.noteId, 'interest'],
      [String(next), 'trending'],
    ]);
  });

  it('puts discovery notes (fresh, trending…) in the second half of the page, interest on the first screen', () => {
    const authors = 'abcdefghijklmnopqrstuvwxyz'.split('');
    const interest = authors.slice(0, 10).map((a, i) => note(a, 1 - i / 100, 'interest'));
    const fresh = [note('x', 1, 'fresh')];
    const trending = [note('y', 1, 'trending')];
    const page = rerank([...interest, ...fresh, ...trending], {
      limit: 10,
      quotas: { interest: 0.8, fresh: 0.1, trending: 0.1 },
      maxPerAuthor: 2,
      diversityLambda: 0.8,
    });
    const discoveryPositions = page.flatMap((c, position) => (c.source === 'interest' ? [] : [position]));
    expect(discoveryPositions).toEqual([6, 8]);
    expect(page.slice(0, 5).map((c) => c.noteId)).toEqual(interest.slice(0, 5).map((c) => c.noteId));
    expect([...spreadSlots(2, 10)]).toEqual([6, 8]);
    expect([...spreadSlots(1, 20)]).toEqual([15]);
    // More discovery than half a page (a cold viewer): they take the tail, then everything.
    expect([...spreadSlots(8, 10)].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(spreadSlots(0, 10).size).toBe(0);
  });
});
