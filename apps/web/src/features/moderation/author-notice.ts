import type { AuthorModeration } from '../notes/note-types';

export type NoticeOutcome = 'hidden' | 'warned' | 'adult';

export interface AuthorNoticeSummary {
  /** held / removed: only the author sees the note. */
  state: 'held' | 'removed' | null;
  limited: boolean;
  /** Rulebooks per outcome, in the server's order; outcomes with none are left out. */
  outcomes: { outcome: NoticeOutcome; rulebooks: string[] }[];
  /** Whether there is anything to tell the author at all. */
  empty: boolean;
}

const OUTCOME_ORDER: readonly NoticeOutcome[] = ['hidden', 'warned', 'adult'];

/** What the author's banner says, from the note's `moderation` (kept pure for tests). */
export function summarizeModeration(moderation: AuthorModeration): AuthorNoticeSummary {
  const state = moderation.state === 'live' ? null : moderation.state;
  const outcomes = OUTCOME_ORDER.map((outcome) => ({
    outcome,
    rulebooks: moderation.outcomes.filter((item) => item.outcome === outcome).map((item) => item.rulebook),
  })).filter((group) => group.rulebooks.length > 0);
  const empty = state === null && !moderation.limited && outcomes.length === 0 && moderation.labels.length === 0;
  return { state, limited: moderation.limited, outcomes, empty };
}
