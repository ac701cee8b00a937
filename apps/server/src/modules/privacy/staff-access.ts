import type { Db } from '../../db/database.js';
import type { StaffAccessKind } from '../../db/tables/staff-access-log.js';
import { decodeCursor, type Page, pageOf } from '../../db/pagination.js';
import { badRequest } from '../../lib/errors.js';

// Item 6: staff access is visible. Whoever on staff opens a person's private data
// (a phone number, an export) says why, and the person sees it in their privacy
// centre. The log is append-only (a trigger refuses updates).

export const REASON_MIN = 5;
export const REASON_MAX = 500;

export interface StaffAccessEntry {
  id: string;
  kind: StaffAccessKind;
  reason: string;
  createdAt: string;
}

/** The reason as stored, or a 400 (`access_reason_required`) when it is too short or too long. */
export function validAccessReason(reason: string): string {
  const trimmed = reason.trim().replace(/\s+/g, ' ');
  if (trimmed.length < REASON_MIN || trimmed.length > REASON_MAX) {
    throw badRequest('access_reason_required', `Say why you need this (${REASON_MIN}–${REASON_MAX} characters), e.g. "report #812".`);
  }
  return trimmed;
}

/**
 * Writes one entry. Call it in the same transaction as (and before) handing out the
 * data, so no access goes unrecorded. Used for phone reveals here and for opened
 * exports by the exports module.
 */
export async function recordStaffAccess(
  db: Db,
  input: { staffId: string; subjectId: string; kind: StaffAccessKind; reason: string; now: Date },
): Promise<StaffAccessEntry> {
  const row = await db
    .insertInto('staff_access_log')
    .values({ staff_id: input.staffId, subject_id: input.subjectId, kind: input.kind, reason: validAccessReason(input.reason), created_at: input.now })
    .returning(['id', 'kind', 'reason', 'created_at'])
    .executeTakeFirstOrThrow();
  return present(row);
}

/** Staff accesses to one person's data, newest first (who on staff is not shown: the person sees what and why). */
export async function listStaffAccess(db: Db, subjectId: string, page: { cursor?: string; limit: number }): Promise<Page<StaffAccessEntry>> {
  let query = db
    .selectFrom('staff_access_log')
    .select(['id', 'kind', 'reason', 'created_at'])
    .where('subject_id', '=', subjectId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  if (page.cursor) {
    const [at, id] = decodeCursor(page.cursor, ['date', 'id'] as const);
    query = query.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]));
  }
  const rows = await query.execute();
  return pageOf(rows, page.limit, present, (row) => [row.created_at.toISOString(), row.id]);
}

function present(row: { id: string; kind: StaffAccessKind; reason: string; created_at: Date }): StaffAccessEntry {
  return { id: row.id, kind: row.kind, reason: row.reason, createdAt: row.created_at.toISOString() };
}
