import type { Random } from '../../src/demo/random.js';

// The simulated world's hidden truth: what each person likes and reads, how
// good each note really is, who is famous. The engine never sees any of it;
// it only sees what people do (simulation-behaviour.ts).

export const SIM_TOPICS = ['food', 'travel', 'cats', 'fitness', 'fashion', 'music', 'gaming', 'study', 'tech', 'makeup', 'books', 'diy'] as const;
export const SIM_LANGUAGES = ['en', 'zh'] as const;
export type SimLanguage = (typeof SIM_LANGUAGES)[number];

export interface SimViewer {
  index: number;
  language: SimLanguage;
  reads: SimLanguage[];
  /** Interest per topic index, 0..1. */
  interest: number[];
  /** Relative chance of opening the app in a step. */
  activity: number;
}

export interface SimCreator {
  index: number;
  language: SimLanguage;
  topic: number;
  famous: boolean;
  /** Followers it starts with (famous: thousands, mostly from passive accounts). */
  followers: number;
  /** Brand-new creators join during the simulation, at this time (ms). */
  joinsAt: number | null;
}

export interface SimNote {
  index: number;
  creator: number;
  topic: number;
  language: SimLanguage;
  /** Hidden quality, 0..1: how likely an interested reader engages. */
  quality: number;
  createdAt: number;
  /** Posted during the simulation (the notes the report follows). */
  fresh: boolean;
}

export interface WorldOptions {
  viewers: number;
  creators: number;
  famous: number;
  days: number;
  /** Notes posted per day by existing creators. */
  postsPerDay: number;
  /** Brand-new creators per day, one note each. */
  newCreatorsPerDay: number;
  start: number;
}

export interface SimWorld {
  viewers: SimViewer[];
  creators: SimCreator[];
  notes: SimNote[];
  /** Passive accounts that only exist to follow famous creators. */
  lurkers: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Most notes are ordinary, a few are great: a skewed draw in (0, 1). */
export function drawQuality(random: Random): number {
  return Math.min(0.99, 0.05 + 0.9 * random.next() ** 1.6);
}

export function buildWorld(options: WorldOptions, random: Random): SimWorld {
  const language = (): SimLanguage => (random.next() < 0.6 ? 'en' : 'zh');
  const viewers: SimViewer[] = Array.from({ length: options.viewers }, (_, index) => {
    const own = language();
    const interest = SIM_TOPICS.map(() => 0.03 + 0.05 * random.next());
    const favourites = random.sample(
      SIM_TOPICS.map((_, topic) => topic),
      3,
    );
    [1, 0.6, 0.35].forEach((weight, rank) => {
      interest[favourites[rank]!] = weight;
    });
    return {
      index,
      language: own,
      reads: random.next() < 0.25 ? ['en', 'zh'] : [own],
      interest,
      activity: 0.3 + 1.7 * random.next(),
    };
  });

  const creators: SimCreator[] = [];
  const addCreator = (famous: boolean, joinsAt: number | null) => {
    const creator: SimCreator = {
      index: creators.length,
      language: language(),
      topic: random.int(0, SIM_TOPICS.length - 1),
      famous,
      followers: famous ? random.int(1500, 5000) : 0,
      joinsAt,
    };
    creators.push(creator);
    return creator;
  };
  for (let i = 0; i < options.creators; i += 1) addCreator(i < options.famous, null);

  const notes: SimNote[] = [];
  const addNote = (creator: SimCreator, createdAt: number, fresh: boolean, quality = drawQuality(random)) => {
    notes.push({
      index: notes.length,
      creator: creator.index,
      topic: random.next() < 0.8 ? creator.topic : random.int(0, SIM_TOPICS.length - 1),
      language: creator.language,
      quality,
      createdAt,
      fresh,
    });
  };
  // A back catalogue older than the fresh window: judged, settled, in normal competition.
  for (const creator of creators) {
    const count = creator.famous ? 12 : random.int(2, 8);
    for (let i = 0; i < count; i += 1) addNote(creator, options.start - 4 * DAY - Math.floor(random.next() * 10 * DAY), false);
  }
  // During the simulation: existing creators keep posting, and brand-new ones
  // arrive, half of them with notes that are really good.
  const existing = [...creators];
  for (let i = 0; i < Math.round(options.postsPerDay * options.days); i += 1) {
    addNote(random.pick(existing), options.start + Math.floor(random.next() * options.days * DAY), true);
  }
  for (let i = 0; i < Math.round(options.newCreatorsPerDay * options.days); i += 1) {
    const joinsAt = options.start + Math.floor(random.next() * options.days * DAY);
    const creator = addCreator(false, joinsAt);
    const quality = random.next() < 0.5 ? 0.7 + 0.29 * random.next() : drawQuality(random);
    addNote(creator, joinsAt + Math.floor(random.next() * HOUR), true, quality);
  }
  notes.sort((a, b) => a.createdAt - b.createdAt);
  notes.forEach((note, index) => {
    note.index = index;
  });
  const lurkers = creators.reduce((max, creator) => Math.max(max, creator.followers), 0);
  return { viewers, creators, notes, lurkers };
}

/** The quality that separates the top quartile of all notes (and the bottom quartile's ceiling). */
export function qualityQuartiles(world: SimWorld): { bottom: number; top: number } {
  const sorted = world.notes.map((note) => note.quality).sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
  return { bottom: at(0.25), top: at(0.75) };
}
