import type { ModerationPolicy } from '../../config/moderation-policy.js';
import type { Db } from '../../db/database.js';
import { decideLabels, type VisibleItem } from '../../kernel/visibility.js';
import { activeLabels, presentLabel } from './labels-queries.js';

// What the author of a note sees of its moderation, on the note itself: its
// state, whether its reach is limited, each label with who set it and why, and
// in which rulebooks that means hidden, a warning, or adults only. The web
// phrases it in the author's language.

export type RulebookOutcome = 'hidden' | 'warned' | 'adult';

export async function authorNotice(db: Db, policy: ModerationPolicy, noteId: string, item: VisibleItem) {
  if (item.labels.length === 0 && item.state === 'live' && !item.limited) return null;
  const [labels, statement] = await Promise.all([
    activeLabels(db, { type: 'note', id: noteId }),
    db
      .selectFrom('statements')
      .innerJoin('moderation_actions', 'moderation_actions.id', 'statements.action_id')
      .select('statements.id')
      .where('moderation_actions.subject_type', '=', 'note')
      .where('moderation_actions.subject_id', '=', noteId)
      .where('statements.reversed_at', 'is', null)
      .orderBy('statements.id', 'desc')
      .executeTakeFirst(),
  ]);
  const outcomes: Array<{ rulebook: string; outcome: RulebookOutcome }> = [];
  for (const rulebook of Object.values(policy.rulebooks)) {
    const asMinor = decideLabels(item.labels, { rulebook, adult: false });
    const asAdult = decideLabels(item.labels, { rulebook, adult: true });
    if (!asAdult.visible) outcomes.push({ rulebook: rulebook.name, outcome: 'hidden' });
    else if (!asMinor.visible) outcomes.push({ rulebook: rulebook.name, outcome: 'adult' });
    else if (asAdult.warnings.length > 0) outcomes.push({ rulebook: rulebook.name, outcome: 'warned' });
  }
  return {
    state: item.state,
    limited: item.limited,
    labels: labels.map(presentLabel),
    outcomes,
    statementId: statement ? String(statement.id) : null,
  };
}

export type AuthorNotice = NonNullable<Awaited<ReturnType<typeof authorNotice>>>;
