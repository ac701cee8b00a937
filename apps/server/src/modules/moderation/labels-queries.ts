import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { LabelRow, LabelSource, LabelSubject } from '../../db/tables/labels.js';
import { labelEntry } from '../../kernel/visibility.js';

// Labels are rows with history; each item also carries its active labels as an
// array (`label` or `label@rulebook`) that read paths decide from. Every write
// here re-derives that array in the same transaction, so the two never disagree.

export interface Subject {
  type: LabelSubject;
  id: string;
}

const TABLE = { note: 'notes', comment: 'comments', user: 'users' } as const;

export async function addLabel(
  db: Db,
  subject: Subject,
  input: { label: string; rulebooks: string[] | null; source: LabelSource; reason: string; by: string | null; now: Date },
): Promise<void> {
  await db
    .insertInto('labels')
    .values({
      subject_type: subject.type,
      subject_id: subject.id,
      label: input.label,
      rulebooks: input.rulebooks,
      source: input.source,
      reason: input.reason,
      created_by: input.by,
      created_at: input.now,
    })
    .execute();
  await syncLabels(db, subject);
}

/** Ends every active label `label` (scoped or not) on the subject; returns how many. */
export async function removeLabel(db: Db, subject: Subject, label: string, by: string | null, now: Date): Promise<number> {
  const result = await db
    .updateTable('labels')
    .set({ removed_at: now, removed_by: by })
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .where('label', '=', label)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  await syncLabels(db, subject);
  return Number(result.numUpdatedRows);
}

export function activeLabels(db: Db, subject: Subject): Promise<LabelRow[]> {
  return db
    .selectFrom('labels')
    .selectAll()
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .where('removed_at', 'is', null)
    .orderBy('id')
    .execute();
}

async function syncLabels(db: Db, subject: Subject): Promise<void> {
  const rows = await activeLabels(db, subject);
  const entries = [...new Set(rows.flatMap((row) => (row.rulebooks === null ? [row.label] : row.rulebooks.map((book) => labelEntry(row.label, book)))))];
  await sql`update ${sql.table(TABLE[subject.type])} set labels = ${sql.val(entries)}::text[] where id = ${subject.id}`.execute(db);
}

/** A label as the author and moderators read it. */
export function presentLabel(row: LabelRow) {
  return { label: row.label, rulebooks: row.rulebooks, source: row.source, reason: row.reason, createdAt: row.created_at.toISOString() };
}
