import type { Db } from '../../db/database.js';
import type { ImageRow, ImageVariant } from '../../db/tables/images.js';

export function insertImage(
  db: Db,
  input: {
    ownerId: string;
    prefix: string;
    width: number;
    height: number;
    variants: ImageVariant[];
    placeholder: string;
    color: string;
    alt: string;
    dhash: bigint | null;
    now: Date;
  },
): Promise<ImageRow> {
  return db
    .insertInto('images')
    .values({
      owner_id: input.ownerId,
      storage_prefix: input.prefix,
      width: input.width,
      height: input.height,
      variants: JSON.stringify(input.variants),
      placeholder: input.placeholder,
      dominant_color: input.color,
      alt: input.alt,
      dhash: input.dhash === null ? null : BigInt.asIntN(64, input.dhash).toString(),
      created_at: input.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Attaches the owner's images to a note in the given order. Only images that
 * are unattached or already on this note qualify; returns how many did.
 */
export async function attachImages(
  db: Db,
  input: { noteId: string; ownerId: string; imageIds: readonly string[]; alts?: Record<string, string> },
): Promise<number> {
  let attached = 0;
  for (const [position, imageId] of input.imageIds.entries()) {
    const alt = input.alts?.[imageId];
    const result = await db
      .updateTable('images')
      .set({ note_id: input.noteId, position, ...(alt !== undefined ? { alt } : {}) })
      .where('id', '=', imageId)
      .where('owner_id', '=', input.ownerId)
      .where((eb) => eb.or([eb('note_id', 'is', null), eb('note_id', '=', input.noteId)]))
      .executeTakeFirst();
    attached += Number(result.numUpdatedRows);
  }
  return attached;
}

/** Images a note no longer uses become unattached (and are cleaned up later). */
export async function detachImagesExcept(db: Db, noteId: string, keep: readonly string[]): Promise<void> {
  let query = db.updateTable('images').set({ note_id: null, position: null }).where('note_id', '=', noteId);
  if (keep.length) query = query.where('id', 'not in', keep);
  await query.execute();
}

export function imagesOfNotes(db: Db, noteIds: readonly string[], coverOnly = false): Promise<ImageRow[]> {
  if (noteIds.length === 0) return Promise.resolve([]);
  let query = db.selectFrom('images').selectAll().where('note_id', 'in', noteIds);
  if (coverOnly) query = query.where('position', '=', 0);
  return query.orderBy('note_id').orderBy('position').execute();
}

export function unattachedImagesBefore(db: Db, before: Date, limit: number): Promise<ImageRow[]> {
  return db.selectFrom('images').selectAll().where('note_id', 'is', null).where('created_at', '<', before).limit(limit).execute();
}

export async function deleteImages(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length) await db.deleteFrom('images').where('id', 'in', ids).execute();
}

/** How many images a person stored since `since`, and when the oldest of them was stored. */
export async function imageUploadsSince(db: Db, ownerId: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
  const row = await db
    .selectFrom('images')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('created_at').as('oldest')])
    .where('owner_id', '=', ownerId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), oldest: row.oldest ? new Date(row.oldest as Date) : null };
}
