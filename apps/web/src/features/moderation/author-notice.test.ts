import { describe, expect, it } from 'vitest';
import type { AuthorModeration } from '../notes/note-types';
import { summarizeModeration } from './author-notice';

const live: AuthorModeration = { state: 'live', limited: false, labels: [], outcomes: [], statementId: null };

describe("the author's notice", () => {
  it('has nothing to say about a plain live note', () => {
    expect(summarizeModeration(live).empty).toBe(true);
  });

  it('groups the rulebooks by outcome, hidden first', () => {
    const summary = summarizeModeration({
      ...live,
      labels: [{ label: 'gambling', rulebooks: ['cn'], source: 'moderator', reason: 'x', createdAt: '2026-12-01T00:00:00Z' }],
      outcomes: [
        { rulebook: 'eu', outcome: 'warned' },
        { rulebook: 'cn', outcome: 'hidden' },
        { rulebook: 'kr', outcome: 'hidden' },
        { rulebook: 'jp', outcome: 'adult' },
      ],
    });
    expect(summary.outcomes).toEqual([
      { outcome: 'hidden', rulebooks: ['cn', 'kr'] },
      { outcome: 'warned', rulebooks: ['eu'] },
      { outcome: 'adult', rulebooks: ['jp'] },
    ]);
    expect(summary.empty).toBe(false);
  });

  it('tells held and removed apart from live, and limited reach', () => {
    expect(summarizeModeration({ ...live, state: 'held' }).state).toBe('held');
    expect(summarizeModeration({ ...live, state: 'removed', limited: true })).toMatchObject({ state: 'removed', limited: true, empty: false });
  });
});
