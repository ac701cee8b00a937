// The recommender's public interface: what the app's wiring and the offline
// lab (apps/server/lab/recommender) may use. Everything else in this folder is
// the engine's own business and may change without the lab noticing.

export { Recommender, type RecommenderOptions } from './recommender.js';
export { CHEAP_JOBS, type RecommenderJobParts, type RecommenderJobsRun, runRecommenderJobs } from './recommender-jobs.js';
export type { Recommendation, RecommendRequest } from './recommender-types.js';
export { recordSignals, type Signal } from './signals.js';
