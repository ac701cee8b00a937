import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { withDatabase } from '../db/with-database.js';
import { DEMO_WORLD, seedWorld } from '../demo/seed-world.js';
import { createMediaStorage } from '../modules/media/create-media-storage.js';

// npm run seed -- --users 10000 --notes 100000 --likes 1000000
// Adds a generated world to the app's database (the running server's, if one runs).

const { values } = parseArgs({
  options: {
    users: { type: 'string' },
    notes: { type: 'string' },
    likes: { type: 'string' },
    comments: { type: 'string' },
    follows: { type: 'string' },
    seed: { type: 'string' },
  },
});

const number = (value: string | undefined, fallback: number, name: string) => {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    process.stderr.write(`--${name} must be a whole number\n`);
    process.exit(2);
  }
  return parsed;
};

const users = number(values.users, DEMO_WORLD.users, 'users');
const notes = number(values.notes, DEMO_WORLD.notes, 'notes');
const options = {
  ...DEMO_WORLD,
  users,
  notes,
  likes: number(values.likes, notes * 10, 'likes'),
  comments: number(values.comments, Math.round(notes / 2), 'comments'),
  follows: number(values.follows, users * 10, 'follows'),
  seed: number(values.seed, Date.now() % 100_000, 'seed'),
  days: 30,
};
const config = loadConfig();
await withDatabase(config, (db) =>
  seedWorld(db, createMediaStorage(config), options, new Date(), (line) => process.stdout.write(`${line}\n`), config.recommender),
);
