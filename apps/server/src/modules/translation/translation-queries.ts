import type { Db } from '../../db/database.js';
import type { TranslationRow } from '../../db/tables/translations.js';

export interface CachedTranslation {
  provider: string;
  translatedText: string;
  sourceLanguage: string | null;
}

/**
 * The cached translation of each hash into `target`, whichever provider made
 * it; with several, the one earliest in `preference` (then the newest) wins.
 */
export async function cachedTranslations(db: Db, hashes: string[], target: string, preference: readonly string[]): Promise<Map<string, CachedTranslation>> {
  if (hashes.length === 0) return new Map();
  const rows = await db.selectFrom('translations').selectAll().where('source_hash', 'in', hashes).where('target', '=', target).execute();
  const rank = (row: TranslationRow) => {
    const index = preference.indexOf(row.provider);
    return index < 0 ? preference.length : index;
  };
  const best = new Map<string, TranslationRow>();
  for (const row of rows) {
    const current = best.get(row.source_hash);
    if (!current || rank(row) < rank(current) || (rank(row) === rank(current) && row.created_at > current.created_at)) {
      best.set(row.source_hash, row);
    }
  }
  return new Map([...best].map(([hash, row]) => [hash, { provider: row.provider, translatedText: row.translated_text, sourceLanguage: row.source_language }]));
}

export async function storeTranslations(
  db: Db,
  rows: Array<{ hash: string; target: string; provider: string; translatedText: string; sourceLanguage: string | null }>,
  now: Date,
): Promise<void> {
  // One statement cannot upsert a key twice (a note whose title and body are the same text).
  const unique = [...new Map(rows.map((row) => [`${row.hash}|${row.target}|${row.provider}`, row])).values()];
  if (unique.length === 0) return;
  await db
    .insertInto('translations')
    .values(
      unique.map((row) => ({
        source_hash: row.hash,
        target: row.target,
        provider: row.provider,
        translated_text: row.translatedText,
        source_language: row.sourceLanguage,
        created_at: now,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['source_hash', 'target', 'provider']).doUpdateSet((eb) => ({
        translated_text: eb.ref('excluded.translated_text'),
        source_language: eb.ref('excluded.source_language'),
        created_at: eb.ref('excluded.created_at'),
      })),
    )
    .execute();
}

/** Rows older than the cut-off go (texts edited or deleted long ago); a still-popular text is translated once more. */
export async function pruneTranslations(db: Db, olderThan: Date): Promise<number> {
  const result = await db.deleteFrom('translations').where('created_at', '<', olderThan).executeTakeFirst();
  return Number(result.numDeletedRows);
}
