import { copyInto, inCopyTransaction } from '../../db/bulk-copy.js';
import { binarySource } from '../../db/bulk-copy-binary.js';
import type { Db } from '../../db/database.js';
import type { ItemNeighbours } from './models/item-neighbours.js';

// Writes the item model's neighbour lists (rec_note_similar, one row per note):
// COPY (binary: the lists travel as bigint and real arrays, nothing formatted
// or parsed as text) into a staging table, then one delete and one insert in
// the same transaction, so readers see the old rows or the new ones.

export interface NeighbourRows {
  /** Dense note index → note id. */
  noteIds: readonly string[];
  model: ItemNeighbours;
  /** The note indices whose rows are written. */
  rows: readonly number[];
}

/**
 * `replaceAll` (a full rebuild): every other row goes. Otherwise only the given
 * notes' rows are replaced, and a given note whose list came out empty loses
 * its row (its old neighbours no longer hold). Notes deleted meanwhile are
 * skipped. Returns the rows written.
 */
export async function writeNeighbours(db: Db, { noteIds, model, rows }: NeighbourRows, replaceAll: boolean): Promise<number> {
  if (!replaceAll && rows.length === 0) return 0;
  return inCopyTransaction(db, async (client) => {
    await client.query('create temporary table rec_note_similar_staging (note_id bigint, neighbor_ids bigint[], weights real[]) on commit drop');
    await copyInto(client, 'rec_note_similar_staging', ['note_id', 'neighbor_ids', 'weights'], binarySource(['int8', 'int8[]', 'float4[]'], listRows()));
    await client.query('analyze rec_note_similar_staging');
    if (replaceAll) await client.query('delete from rec_note_similar');
    else await client.query('delete from rec_note_similar where note_id = any($1::bigint[])', [rows.map((index) => noteIds[index]!)]);
    const written = await client.query(`
      insert into rec_note_similar (note_id, neighbor_ids, weights)
      select s.note_id, s.neighbor_ids, s.weights from rec_note_similar_staging s
      where exists (select 1 from notes n where n.id = s.note_id)
      on conflict (note_id) do update set neighbor_ids = excluded.neighbor_ids, weights = excluded.weights`);
    return written.rowCount ?? 0;
  });

  function* listRows(): Generator<[string, string[], Float32Array]> {
    for (const index of rows) {
      const list = model.ids[index];
      if (!list || list.length === 0) continue;
      const ids = new Array<string>(list.length);
      for (let k = 0; k < list.length; k += 1) ids[k] = noteIds[list[k]!]!;
      yield [noteIds[index]!, ids, model.weights[index]!];
    }
  }
}
