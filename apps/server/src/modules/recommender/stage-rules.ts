import type { RecommenderSettings } from '../../config/recommender-settings.js';
import type { StageStatus } from '../../db/tables/recommender.js';
import { betaProbabilityAbove } from './beta-distribution.js';

// Staged exposure, as pure rules over a note's numbers and a fixed clock.
// Every live note starts in stage 1 with a small audience budget; once the
// budget is spent it moves up only if its engagement per impression probably
// beats comparable notes' (a Bayesian test on a Beta posterior), otherwise it
// settles into the normal competition. A note with 3 impressions cannot win
// or lose on luck: a prior worth `priorImpressions` impressions at the
// cohort's mean rate dominates until real evidence outweighs it.

/** Reports from this many different people stop a note's promotion for good. */
export const REPORTS_STOP_PROMOTION = 3;
// Rates at exactly 0 or 1 would make a degenerate prior.
const MIN_RATE = 1e-4;

/** The notes a note is compared with: same kind, created in the last 7 days. */
export interface Cohort {
  /** Mean engagement per impression. */
  mean: number;
  /** The cohort's `benchmarkQuantile` quality: what a note must beat to move up. */
  benchmark: number;
}

export interface Evidence {
  impressions: number;
  /** CES-weighted engagement (negatives included). */
  engagement: number;
}

/** Beta(α, β) over the note's engagement rate: the cohort prior updated with the note's own impressions. */
export function betaPosterior(evidence: Evidence, cohortMean: number, priorImpressions: number): { alpha: number; beta: number } {
  const mean = Math.min(1 - MIN_RATE, Math.max(MIN_RATE, cohortMean));
  const prior = Math.max(1, priorImpressions);
  const n = Math.max(0, evidence.impressions);
  // Weighted engagement can exceed the impressions (a comment weighs 4); as successes it is capped by them.
  const s = Math.min(n, Math.max(0, evidence.engagement));
  return { alpha: prior * mean + s, beta: prior * (1 - mean) + n - s };
}

/** The note's quality: the posterior mean engagement per impression (the cohort's mean with no impressions). */
export function posteriorQuality(evidence: Evidence, cohortMean: number, priorImpressions: number): number {
  const { alpha, beta } = betaPosterior(evidence, cohortMean, priorImpressions);
  return alpha / (alpha + beta);
}

/** P(the note's true rate > the cohort benchmark). */
export function probabilityBeatsBenchmark(evidence: Evidence, cohort: Cohort, priorImpressions: number): number {
  const { alpha, beta } = betaPosterior(evidence, cohort.mean, priorImpressions);
  const benchmark = Math.min(1 - MIN_RATE, Math.max(MIN_RATE, cohort.benchmark));
  return betaProbabilityAbove(benchmark, alpha, beta);
}

export interface StageState extends Evidence {
  stage: number;
  status: StageStatus;
  stageImpressions: number;
  createdAt: Date;
  /** Different people who reported the note. */
  reporters: number;
}

export type StageReason = 'not_testing' | 'budget_left' | 'promoted' | 'opened' | 'weak' | 'too_old' | 'reported';

export interface StageOutcome {
  stage: number;
  status: StageStatus;
  stageImpressions: number;
  changed: boolean;
  reason: StageReason;
}

type Settings = Pick<RecommenderSettings, 'stageBudgets' | 'promoteProbability' | 'priorImpressions' | 'freshHours'>;

export function nextStage(state: StageState, cohort: Cohort, settings: Settings, now: Date): StageOutcome {
  const keep = (reason: StageReason): StageOutcome => ({
    stage: state.stage,
    status: state.status,
    stageImpressions: state.stageImpressions,
    changed: false,
    reason,
  });
  const move = (status: StageStatus, reason: StageReason, stage = state.stage, stageImpressions = state.stageImpressions): StageOutcome => ({
    stage,
    status,
    stageImpressions,
    changed: true,
    reason,
  });
  if (state.status !== 'testing') return keep('not_testing');
  if (state.reporters >= REPORTS_STOP_PROMOTION) return move('settled', 'reported');
  const stages = settings.stageBudgets.length;
  if (state.stage > stages) return move('open', 'opened');

  if (state.stageImpressions >= settings.stageBudgets[state.stage - 1]!) {
    if (probabilityBeatsBenchmark(state, cohort, settings.priorImpressions) < settings.promoteProbability) return move('settled', 'weak');
    return state.stage >= stages ? move('open', 'opened') : move('testing', 'promoted', state.stage + 1, 0);
  }
  if (now.getTime() - state.createdAt.getTime() > settings.freshHours * 3_600_000) return move('settled', 'too_old');
  return keep('budget_left');
}
