import { describe, expect, it } from 'vitest';
import { DEFAULT_RECOMMENDER_SETTINGS } from '../../config/recommender-settings.js';
import { type Cohort, nextStage, posteriorQuality, probabilityBeatsBenchmark, REPORTS_STOP_PROMOTION, type StageState } from './stage-rules.js';

const now = new Date('2026-11-24T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
// Budgets 200 / 2,000 / 20,000; promote at P ≥ 0.7; a prior worth 50 impressions; fresh for 72 h.
const settings = { ...DEFAULT_RECOMMENDER_SETTINGS, stageBudgets: [200, 2_000, 20_000], promoteProbability: 0.7, priorImpressions: 50, freshHours: 72 };
const cohort: Cohort = { mean: 0.05, benchmark: 0.05 };
const note = (overrides: Partial<StageState>): StageState => ({
  stage: 1,
  status: 'testing',
  stageImpressions: 0,
  impressions: 0,
  engagement: 0,
  createdAt: hoursAgo(2),
  reporters: 0,
  ...overrides,
});

describe('stage rules', () => {
  it('keep a note in its test audience until the budget is spent, however it does so far', () => {
    for (const engagement of [0, 60]) {
      expect(nextStage(note({ stageImpressions: 199, impressions: 199, engagement }), cohort, settings, now)).toEqual({
        stage: 1,
        status: 'testing',
        stageImpressions: 199,
        changed: false,
        reason: 'budget_left',
      });
    }
  });

  it('promote a note whose budget is spent and whose engagement clearly beats the cohort', () => {
    const strong = note({ stageImpressions: 200, impressions: 200, engagement: 30 });
    expect(probabilityBeatsBenchmark(strong, cohort, 50)).toBeGreaterThan(0.99);
    expect(nextStage(strong, cohort, settings, now)).toEqual({ stage: 2, status: 'testing', stageImpressions: 0, changed: true, reason: 'promoted' });
    // The next stage is judged on its own, larger budget.
    expect(nextStage(note({ stage: 2, stageImpressions: 1_500, impressions: 1_700, engagement: 250 }), cohort, settings, now).reason).toBe('budget_left');
  });

  it('settle a note whose budget is spent without beating the cohort, or only by luck', () => {
    expect(nextStage(note({ stageImpressions: 200, impressions: 200, engagement: 8 }), cohort, settings, now)).toEqual({
      stage: 1,
      status: 'settled',
      stageImpressions: 200,
      changed: true,
      reason: 'weak',
    });
    // 6% against a 5% benchmark after 200 impressions is not convincing enough.
    const lucky = note({ stageImpressions: 200, impressions: 200, engagement: 12 });
    expect(probabilityBeatsBenchmark(lucky, cohort, 50)).toBeLessThan(0.7);
    expect(nextStage(lucky, cohort, settings, now).status).toBe('settled');
  });

  it('open a note that passes the last stage, and settle one that fails it', () => {
    expect(nextStage(note({ stage: 3, stageImpressions: 20_000, impressions: 22_200, engagement: 3_000 }), cohort, settings, now)).toEqual({
      stage: 3,
      status: 'open',
      stageImpressions: 20_000,
      changed: true,
      reason: 'opened',
    });
    expect(nextStage(note({ stage: 3, stageImpressions: 20_000, impressions: 22_200, engagement: 900 }), cohort, settings, now).status).toBe('settled');
    // Fewer stages configured than the note already reached: nothing left to test.
    expect(nextStage(note({ stage: 4 }), cohort, settings, now)).toMatchObject({ status: 'open', changed: true });
  });

  it('settle a note still testing after freshHours, by time', () => {
    expect(nextStage(note({ createdAt: hoursAgo(72) }), cohort, settings, now).reason).toBe('budget_left');
    expect(nextStage(note({ createdAt: hoursAgo(73), stageImpressions: 50, impressions: 50, engagement: 20 }), cohort, settings, now)).toEqual({
      stage: 1,
      status: 'settled',
      stageImpressions: 50,
      changed: true,
      reason: 'too_old',
    });
    // A spent budget is still judged on its merits, however old the note.
    expect(nextStage(note({ createdAt: hoursAgo(100), stageImpressions: 200, impressions: 200, engagement: 30 }), cohort, settings, now).reason).toBe(
      'promoted',
    );
  });

  it('never promote a note reported by enough different people', () => {
    const strong = { stageImpressions: 200, impressions: 200, engagement: 30 };
    expect(nextStage(note({ ...strong, reporters: REPORTS_STOP_PROMOTION - 1 }), cohort, settings, now).reason).toBe('promoted');
    expect(nextStage(note({ ...strong, reporters: REPORTS_STOP_PROMOTION }), cohort, settings, now)).toMatchObject({ status: 'settled', reason: 'reported' });
    expect(nextStage(note({ reporters: REPORTS_STOP_PROMOTION }), cohort, settings, now)).toMatchObject({ status: 'settled', reason: 'reported' });
  });

  it('leave notes that are not testing alone', () => {
    for (const status of ['settled', 'open', 'promoted'] as const) {
      expect(nextStage(note({ status, stageImpressions: 5_000, impressions: 5_000, engagement: 2_000, reporters: 9 }), cohort, settings, now)).toMatchObject({
        status,
        changed: false,
        reason: 'not_testing',
      });
    }
  });

  it('do not judge a note with 3 impressions on noise: the prior dominates its quality', () => {
    expect(posteriorQuality({ impressions: 0, engagement: 0 }, 0.05, 50)).toBeCloseTo(0.05, 12);
    const allLiked = posteriorQuality({ impressions: 3, engagement: 3 }, 0.05, 50);
    const noneLiked = posteriorQuality({ impressions: 3, engagement: 0 }, 0.05, 50);
    // Raw rates of 100% and 0%; smoothed, both stay near the cohort's 5%.
    expect(allLiked).toBeCloseTo((2.5 + 3) / 53, 12);
    expect(noneLiked).toBeCloseTo(2.5 / 53, 12);
    expect(allLiked - noneLiked).toBeLessThan(0.06);
    // Weighted engagement beyond one per impression (a comment weighs 4) counts as at most one success each.
    expect(posteriorQuality({ impressions: 3, engagement: 12 }, 0.05, 50)).toBe(allLiked);
    // Strong negatives ("not interested", reports) cannot push it below zero successes.
    expect(posteriorQuality({ impressions: 3, engagement: -40 }, 0.05, 50)).toBe(noneLiked);
    // With real evidence, the data win.
    expect(posteriorQuality({ impressions: 5_000, engagement: 1_000 }, 0.05, 50)).toBeCloseTo((2.5 + 1_000) / 5_050, 12);
  });
});
