import { type RawBuilder, sql } from 'kysely';
import type { ViewerContext } from './viewer-context.js';
import { hidingLabels, type Surface } from './visibility.js';

// The visibility decision as a query filter, so keyset pages come out full:
// the same rules as `decide` (kernel/visibility.ts), over the columns of
// `notes` or `comments`. Notes are also hydrated and run through `decide`;
// comment pages are decided here alone (their rows carry every fact; the
// note's own visibility, a private author included, is checked before).

function visibleRows(
  context: ViewerContext,
  surface: Surface,
  alias: string,
  options: { limited: boolean; tombstones: boolean; privateAuthors: boolean },
): RawBuilder<boolean> {
  const row = sql.ref(alias);
  const hidden = surface === 'discovery' || surface === 'feed' ? [...context.hiddenAuthors] : [...context.blocked];
  const rules = [
    sql`${row}.mod_state = 'live'`,
    sql`not (${row}.labels && ${sql.val(hidingLabels(context))}::text[])`,
    // Comment tombstones of erased accounts stay in lists (the replies under them need them); note tombstones open by link only.
    // A private author's notes only for approved followers (decide's mayReadAuthor); comments by a private account stay readable.
    sql`not exists (select 1 from users restricted where restricted.id = ${row}.author_id
      and (restricted.status <> all(${sql.val(options.tombstones ? ['active', 'erased'] : ['active'])}::text[])
        ${options.privateAuthors ? sql`or (restricted.is_private and restricted.id <> all(${sql.val([...context.approvedPrivate])}::bigint[]))` : sql``}))`,
  ];
  if (options.limited && surface === 'discovery') rules.push(sql`not ${row}.reach_limited`);
  if (hidden.length > 0) rules.push(sql`${row}.author_id <> all(${sql.val(hidden)}::bigint[])`);
  const visible = sql.join(rules, sql` and `);
  // Authors see their own items whatever happened to them; nobody sees deleted ones.
  const own = context.viewerId === null ? visible : sql`${row}.author_id = ${context.viewerId} or (${visible})`;
  return sql<boolean>`(${row}.deleted_at is null and (${own}))`;
}

/** `notes` (or the alias given) rows this viewer may see on this surface. */
export function visibleNotes(context: ViewerContext, surface: Surface, alias = 'notes'): RawBuilder<boolean> {
  return visibleRows(context, surface, alias, { limited: true, tombstones: false, privateAuthors: true });
}

/** `comments` rows this viewer may see under a note (muted authors left out, as in feeds). */
export function visibleComments(context: ViewerContext, alias = 'comments'): RawBuilder<boolean> {
  return visibleRows(context, 'feed', alias, { limited: false, tombstones: true, privateAuthors: false });
}
