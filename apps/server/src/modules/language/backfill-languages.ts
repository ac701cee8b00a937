import type { Db } from '../../db/database.js';
import { detectLanguage } from './detect-language.js';
import { detectedColumns, noteText } from './language-columns.js';
import { biosWithoutLanguage, commentsWithoutLanguage, notesWithoutLanguage, storeBioLanguages, storeDetected } from './language-queries.js';

// Detects the language of rows written before detection existed. Idempotent: a
// note or comment is done once it has a confidence (even an unknown language
// has one), so running it again, or on two instances at once, costs one empty
// index lookup. Bios carry no confidence, so they are walked once by id per run.

export const BACKFILL_BATCH = 1000;

export interface BackfillResult {
  notes: number;
  comments: number;
  bios: number;
}

export async function backfillLanguages(db: Db, options: { batchSize?: number; bios?: boolean } = {}): Promise<BackfillResult> {
  const batchSize = options.batchSize ?? BACKFILL_BATCH;
  const result: BackfillResult = { notes: 0, comments: 0, bios: 0 };

  for (;;) {
    const notes = await notesWithoutLanguage(db, batchSize);
    await storeDetected(
      db,
      'notes',
      notes.map((note) => ({ id: note.id, ...detectedColumns(noteText(note.title, note.body)) })),
    );
    result.notes += notes.length;
    if (notes.length < batchSize) break;
  }
  for (;;) {
    const comments = await commentsWithoutLanguage(db, batchSize);
    await storeDetected(
      db,
      'comments',
      comments.map((comment) => ({ id: comment.id, ...detectedColumns(comment.body) })),
    );
    result.comments += comments.length;
    if (comments.length < batchSize) break;
  }
  if (options.bios ?? true) {
    let afterId = '0';
    for (;;) {
      const users = await biosWithoutLanguage(db, afterId, batchSize);
      const tagged = users.flatMap((user) => {
        const { language } = detectLanguage(user.bio);
        return language ? [{ id: user.id, language }] : [];
      });
      await storeBioLanguages(db, tagged);
      result.bios += tagged.length;
      if (users.length < batchSize) break;
      afterId = users[users.length - 1]!.id;
    }
  }
  return result;
}
