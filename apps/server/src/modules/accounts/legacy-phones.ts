import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { PersonalDataVault } from '../../kernel/vault/personal-data-vault.js';
import { PHONE_FIELD, phoneIndex } from './phone-vault.js';

/**
 * The app half of migration 2026-12-07T09-00-00Z (see its comment): seals every
 * number still stored in the clear by a version before encryption, then drops the
 * plain column and rewrites the table so no dead row version keeps the number.
 * Runs at every start before requests are served (and in CLIs); once the column is
 * gone it costs one catalogue query. Several processes may run it at once: rows are
 * claimed with `skip locked`, the drop is `if exists`.
 */
export async function encryptLegacyPhones(db: Db, vault: PersonalDataVault, now: Date, batchSize = 200): Promise<number> {
  if (!(await plainColumnExists(db))) return 0;
  let converted = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: string; phone: string }>`
        select id::text, phone from users where phone is not null order by id limit ${batchSize} for update skip locked`.execute(trx);
      for (const row of rows) {
        const dataKey = await vault.ensureDataKey(trx, row.id, now);
        await sql`
          update users set phone = null, phone_index = ${phoneIndex(vault, row.phone)},
            phone_ciphertext = ${vault.seal(dataKey, row.id, PHONE_FIELD, row.phone)}
          where id = ${row.id}`.execute(trx);
      }
      return rows.length;
    });
    if (done === 0) break;
    converted += done;
  }
  const { rows } = await sql<{ left: number }>`select count(*)::int as left from users where phone is not null`.execute(db);
  if (rows[0]!.left === 0) {
    await sql`alter table users drop column if exists phone`.execute(db);
    // Rewrites the heap and its indexes: the old row versions with the plain number go.
    if (converted > 0) await sql`vacuum full users`.execute(db);
  }
  return converted;
}

async function plainColumnExists(db: Db): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    select exists (
      select 1 from information_schema.columns
      where table_schema = current_schema() and table_name = 'users' and column_name = 'phone'
    ) as found`.execute(db);
  return rows[0]!.found;
}
