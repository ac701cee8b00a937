import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { DEFAULT_RECOMMENDER_SETTINGS } from '../../src/config/recommender-settings.js';
import { seededRandom } from '../../src/demo/random.js';
import { likeProbability, match, react } from './simulation-behaviour.js';
import { median } from './simulation-report.js';
import { runSimulation, SIMULATION_DEFAULTS } from './simulation.js';
import { buildWorld, qualityQuartiles, type SimNote, type SimViewer } from './simulation-world.js';

const viewer: SimViewer = { index: 0, language: 'en', reads: ['en'], interest: [1, 0.05, 0.05], activity: 1 };
const note = (topic: number, quality: number, language: 'en' | 'zh' = 'en'): SimNote => ({
  index: 0,
  creator: 0,
  topic,
  language,
  quality,
  createdAt: 0,
  fresh: true,
});

describe('simulated behaviour', () => {
  it('engages more with liked topics, readable languages and better notes', () => {
    expect(match(viewer, note(0, 0.5))).toBe(1);
    expect(match(viewer, note(0, 0.5, 'zh'))).toBe(0.25);
    expect(likeProbability(viewer, note(0, 0.9))).toBeGreaterThan(likeProbability(viewer, note(0, 0.2)));
    expect(likeProbability(viewer, note(0, 0.9))).toBeGreaterThan(likeProbability(viewer, note(1, 0.9)));
  });

  it('waves off only bad matches with "not interested"', () => {
    const random = seededRandom(3);
    const good = Array.from({ length: 2000 }, () => react(viewer, note(0, 0.1), random)).flat();
    const bad = Array.from({ length: 2000 }, () => react(viewer, note(1, 0.1), random)).flat();
    expect(good).not.toContain('not_interested');
    expect(bad).toContain('not_interested');
  });
});

describe('simulated world', () => {
  it('is the same for the same seed, with famous creators, brand-new creators and good new notes', () => {
    const options = { viewers: 50, creators: 20, famous: 2, days: 2, postsPerDay: 5, newCreatorsPerDay: 4, start: Date.UTC(2026, 0, 1) };
    const world = buildWorld(options, seededRandom(7));
    expect(buildWorld(options, seededRandom(7))).toEqual(world);
    expect(world.creators.filter((creator) => creator.famous).every((creator) => creator.followers >= 1500)).toBe(true);
    expect(world.creators.filter((creator) => creator.joinsAt !== null)).toHaveLength(8);
    const { top } = qualityQuartiles(world);
    expect(world.notes.some((n) => n.fresh && n.quality >= top && world.creators[n.creator]!.joinsAt !== null)).toBe(true);
  });

  it('takes medians', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});

describe('simulation', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('drives the real recommender and reports reach', async () => {
    const report = await runSimulation(database.db, {
      ...SIMULATION_DEFAULTS,
      users: 60,
      creators: 12,
      famous: 1,
      days: 1,
      stepMinutes: 180,
      activeShare: 0.2,
      postsPerDay: 6,
      newCreatorsPerDay: 4,
      settings: DEFAULT_RECOMMENDER_SETTINGS,
    });
    expect(report.impressions).toBeGreaterThan(100);
    expect(report.newNotes).toBe(10);
    expect(report.shareUnder1kFollowers).toBeGreaterThan(0);
    expect(report.shareUnder1kFollowers).toBeLessThanOrEqual(1);
    expect(report.impressionGini).toBeGreaterThanOrEqual(0);
    expect(report.impressionGini).toBeLessThan(1);
    expect(Object.keys(report.goodNotesFromNewCreators)).toEqual(['notes', 'reached1000', 'medianHoursTo1000', 'medianImpressions']);
    // Every person saw each note at most once.
    const served = await database.db
      .selectFrom('rec_served')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const impressions = await database.db
      .selectFrom('events')
      .where('type', '=', 'impression')
      .where('occurred_at', '>=', SIMULATION_DEFAULTS.start)
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(impressions.n)).toBe(report.impressions);
    expect(Number(served.n)).toBe(report.impressions);
  }, 120_000);
});
