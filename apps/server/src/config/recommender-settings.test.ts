import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { ConfigError } from './env-values.js';
import { DEFAULT_RECOMMENDER_SETTINGS, mergeRecommenderSettings } from './recommender-settings.js';

describe('recommender settings', () => {
  it('uses the defaults without REC_SETTINGS', () => {
    expect(loadConfig({}).recommender).toEqual(DEFAULT_RECOMMENDER_SETTINGS);
  });

  it('deep-merges REC_SETTINGS over the defaults, arrays replaced whole', () => {
    const config = loadConfig({ REC_SETTINGS: JSON.stringify({ quotas: { explore: 0.2 }, stageBudgets: [100, 1000], signalWeights: { follow: 10 } }) });
    expect(config.recommender.quotas).toEqual({ ...DEFAULT_RECOMMENDER_SETTINGS.quotas, explore: 0.2 });
    expect(config.recommender.stageBudgets).toEqual([100, 1000]);
    expect(config.recommender.signalWeights.follow).toBe(10);
    expect(config.recommender.signalWeights.like).toBe(1);
    // The defaults object itself is never modified.
    expect(DEFAULT_RECOMMENDER_SETTINGS.quotas.explore).toBe(0.05);
  });

  it('refuses typos, wrong types and broken JSON instead of ignoring them', () => {
    expect(() => loadConfig({ REC_SETTINGS: '{"quota":{}}' })).toThrow(ConfigError);
    expect(() => loadConfig({ REC_SETTINGS: '{"quotas":{"explore":"lots"}}' })).toThrow(/REC_SETTINGS.quotas.explore must be a number/);
    expect(() => loadConfig({ REC_SETTINGS: '{"stageBudgets":[-1]}' })).toThrow(ConfigError);
    expect(() => loadConfig({ REC_SETTINGS: '{' })).toThrow(/valid JSON/);
    expect(() => mergeRecommenderSettings(DEFAULT_RECOMMENDER_SETTINGS, { maxPerAuthor: Number.NaN })).toThrow();
  });
});
