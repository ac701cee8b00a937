import { buildInteractions } from '../../src/modules/recommender/models/interactions.js';
import { affordable, candidateModels, chooseModel, type ModelSpec, modelName, trainModels } from '../../src/modules/recommender/models/model-choice.js';
import { PersonScorer } from '../../src/modules/recommender/models/scores.js';
import type { Recommend } from './baselines.js';
import type { Split } from './splits.js';

// Every item model the engine's validation choice tries (models/model-choice.ts),
// each trained on the whole training half and scored on the test split as a
// plain top-k (no page mix, no re-rank), so the table reports every model
// tried next to the engine that serves the one its own validation chose.

export interface CandidateRow {
  name: string;
  spec: ModelSpec;
  recommend: Recommend;
}

/** Training histories newest first (the engine reads rec_affinity by last engagement, newest first). */
export function newestFirst(split: Split, historyCap: number): number[][] {
  return split.train.map((list) =>
    [...list]
      .sort((a, b) => b.at - a.at || b.order - a.order)
      .slice(0, historyCap)
      .map((interaction) => interaction.item),
  );
}

/**
 * The engine's validation choice on these histories (as the similarity job
 * makes it) and every candidate of its grid trained on all of them.
 */
export function candidateRows(histories: number[][], itemCount: number, perItem: number): { rows: CandidateRow[]; chosen: string; choiceMs: number } {
  const started = Date.now();
  const choice = chooseModel(histories, itemCount, perItem);
  const choiceMs = Date.now() - started;
  const matrix = buildInteractions(histories, itemCount);
  const rows: CandidateRow[] = [];
  trainModels(matrix, affordable(matrix, candidateModels(itemCount)), perItem, (spec, model) => {
    const scorer = new PersonScorer(model, itemCount);
    const recommend: Recommend = (user, k) => {
      const known = new Set(histories[user]!);
      return scorer.top(histories[user]!, k, (item) => !known.has(item), choice.recency).map((entry) => entry.item);
    };
    rows.push({ name: modelName(spec), spec, recommend });
  });
  return { rows, chosen: modelName(choice.chosen), choiceMs };
}
