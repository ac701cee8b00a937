import {
  DEFAULT_RECOMMENDER_SETTINGS,
  mergeRecommenderSettings,
  type RecommenderOverrides,
  type RecommenderSettings,
} from '../../src/config/recommender-settings.js';
import type { EngineVariant } from './engine-model.js';
import type { EvaluationReport } from './evaluate.js';

// How a run is configured (the fairness-knob presets) and printed.

/**
 * Knob settings the --sweep compares with the defaults: `accuracy` serves
 * only the interest source with no topic diversification; `fair` gives
 * fresh notes and exploration more slots and penalises popularity harder.
 */
export const SWEEP_PRESETS: Record<string, RecommenderOverrides> = {
  accuracy: {
    quotas: { interest: 1, fresh: 0, following: 0, trending: 0, explore: 0 },
    neighbors: { beta: 0.5 },
    diversityLambda: 1,
  },
  fair: {
    quotas: { interest: 0.45, fresh: 0.25, following: 0.1, trending: 0.05, explore: 0.15 },
    neighbors: { beta: 0.7 },
  },
};

/** `qiao` is the defaults with --set applied; --sweep adds a row per preset on top of the same overrides. */
export function engineVariants(overrides: unknown, sweep: boolean): EngineVariant[] {
  const base: RecommenderSettings = mergeRecommenderSettings(DEFAULT_RECOMMENDER_SETTINGS, overrides ?? {}, '--set');
  const variants: EngineVariant[] = [{ name: 'qiao', settings: base }];
  if (sweep) {
    for (const [name, preset] of Object.entries(SWEEP_PRESETS)) {
      variants.push({ name: `qiao:${name}`, settings: mergeRecommenderSettings(base, preset, `preset ${name}`) });
    }
  }
  return variants;
}

export function formatTable(report: EvaluationReport): string {
  const k = report.k;
  const header = ['model', `NDCG@${k}`, `P@${k}`, `R@${k}`, 'MAP', 'coverage', 'creator Gini', 'long-tail', 'novelty'];
  const rows = report.results.map((result) => [
    result.model,
    result.ndcg.toFixed(4),
    result.precision.toFixed(4),
    result.recall.toFixed(4),
    result.map.toFixed(4),
    result.coverage.toFixed(4),
    result.creatorGini.toFixed(4),
    result.longTailShare.toFixed(4),
    result.novelty.toFixed(2),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  return [
    `protocol ${report.protocol}, k ${k}, mean over ${report.seeds} seed${report.seeds === 1 ? '' : 's'}`,
    line(header),
    `|${widths.map((width, column) => (column === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`,
    ...rows.map(line),
    ...(report.chosen
      ? [`model:… rows: each candidate of the engine's item-model choice alone; its validation chose ${report.chosen.join(' / ')} (per seed)`]
      : []),
  ].join('\n');
}
