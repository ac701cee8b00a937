import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { MediaStorage } from '../modules/media/media-storage.js';
import { DEMO_WORLD, seedWorld } from './seed-world.js';

/** On an empty database, builds the demo world so a newcomer sees a living explore grid. */
export async function seedDemoIfEmpty(db: Db, storage: MediaStorage, now: Date, log: (line: string) => void): Promise<boolean> {
  const { rows } = await sql<{ any: boolean }>`select exists (select 1 from users) as any`.execute(db);
  if (rows[0]?.any) return false;
  log('empty database: building the demo world (people, notes, topics)...');
  await seedWorld(db, storage, DEMO_WORLD, now, log);
  return true;
}
