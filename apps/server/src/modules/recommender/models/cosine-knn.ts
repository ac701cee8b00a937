import { type Interactions, popularity } from './interactions.js';
import { type CoEngagementWeigh, coEngagementModels, type ItemNeighbours } from './item-neighbours.js';

// Item-based kNN (Sarwar et al. 2001; Deshpande & Karypis 2004) with cosine
// similarity on binary engagement: co(i, j) / √(pop(i) · pop(j)). Symmetric,
// no popularity penalty beyond the cosine's own; strong when what people do
// next follows what they just did (temporal splits). Same cost as RP3beta.

export function cosineWeigh(m: Interactions): CoEngagementWeigh {
  return (i, j, common) => common / Math.sqrt(popularity(m, i) * popularity(m, j));
}

export function cosineKnn(m: Interactions, perItem: number, onlyItems?: Iterable<number>): ItemNeighbours {
  return coEngagementModels(m, perItem, [cosineWeigh(m)], onlyItems)[0]!;
}
