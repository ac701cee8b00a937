import { gini } from './metrics.js';
import type { NoteTrack } from './simulation.js';
import { qualityQuartiles, type SimWorld } from './simulation-world.js';

// What the simulation measures: whether good notes from nobodies rise (and
// how fast), whether weak notes stop early, and how evenly attention spreads.

export const SMALL_CREATOR_FOLLOWERS = 1000;
const HOUR = 3_600_000;
/** A note is judged on reaching 1,000 impressions only if it had at least this long. */
const OBSERVED_HOURS = 24;

export interface SimulationReport {
  options: { users: number; creators: number; days: number; seed: number; stepMinutes: number };
  impressions: number;
  engagements: number;
  /** Impressions per candidate source. */
  sources: Record<string, number>;
  newNotes: number;
  /** High-quality (top quartile) notes by creators who joined during the run, posted ≥ 24 h before its end. */
  goodNotesFromNewCreators: { notes: number; reached1000: number; medianHoursTo1000: number | null; medianImpressions: number | null };
  /** Share of the run's impressions that went to creators with fewer than 1,000 followers. */
  shareUnder1kFollowers: number;
  /** Gini of the run's impressions over every creator (zeros included). */
  impressionGini: number;
  promotion: {
    /** Notes that passed stage 1 (stage ≥ 2 at the end). */
    promoted: number;
    /** Share of promoted notes whose hidden quality is in the top quartile. */
    precision: number;
    /** Share of top-quartile new notes that were promoted. */
    recall: number;
  };
  /** New notes in the bottom quartile of hidden quality: they should stop early. */
  weakNewNotes: { notes: number; medianImpressions: number | null; promoted: number };
  /** New notes in the top quartile, for comparison. */
  strongNewNotes: { notes: number; medianImpressions: number | null };
  elapsedSeconds: number;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;

export function summarise(input: {
  world: SimWorld;
  tracks: Map<number, NoteTrack>;
  followers: number[];
  stages: Map<number, { stage: number; status: string }>;
  end: number;
  engagements: number;
  sources: Record<string, number>;
  options: SimulationReport['options'];
  elapsedSeconds: number;
}): SimulationReport {
  const { world, tracks, followers, stages, end } = input;
  const { top, bottom } = qualityQuartiles(world);
  const impressionsOf = (index: number) => tracks.get(index)?.impressions ?? 0;
  const perCreator = new Array<number>(world.creators.length).fill(0);
  let impressions = 0;
  let toSmall = 0;
  for (const [index, track] of tracks) {
    const creator = world.notes[index]!.creator;
    perCreator[creator]! += track.impressions;
    impressions += track.impressions;
    if ((followers[creator] ?? 0) < SMALL_CREATOR_FOLLOWERS) toSmall += track.impressions;
  }

  const newNotes = world.notes.filter((note) => note.fresh && note.createdAt <= end);
  const good = newNotes.filter(
    (note) => note.quality >= top && world.creators[note.creator]!.joinsAt !== null && note.createdAt <= end - OBSERVED_HOURS * HOUR,
  );
  const hours = good.flatMap((note) => {
    const at = tracks.get(note.index)?.reached1000At;
    return at === null || at === undefined ? [] : [(at - note.createdAt) / HOUR];
  });
  const promotedNotes = world.notes.filter((note) => (stages.get(note.index)?.stage ?? 1) >= 2);
  const strong = newNotes.filter((note) => note.quality >= top);
  const weak = newNotes.filter((note) => note.quality <= bottom);
  const isPromoted = (note: { index: number }) => (stages.get(note.index)?.stage ?? 1) >= 2;
  const medianHours = median(hours);
  const medianOf = (notes: typeof newNotes) => median(notes.map((note) => impressionsOf(note.index)));

  return {
    options: input.options,
    impressions,
    engagements: input.engagements,
    sources: input.sources,
    newNotes: newNotes.length,
    goodNotesFromNewCreators: {
      notes: good.length,
      reached1000: hours.length,
      medianHoursTo1000: medianHours === null ? null : round(medianHours, 1),
      medianImpressions: medianOf(good),
    },
    shareUnder1kFollowers: impressions ? round(toSmall / impressions) : 0,
    impressionGini: round(gini(perCreator)),
    promotion: {
      promoted: promotedNotes.length,
      precision: promotedNotes.length ? round(promotedNotes.filter((note) => note.quality >= top).length / promotedNotes.length) : 0,
      recall: strong.length ? round(strong.filter(isPromoted).length / strong.length) : 0,
    },
    weakNewNotes: { notes: weak.length, medianImpressions: medianOf(weak), promoted: weak.filter(isPromoted).length },
    strongNewNotes: { notes: strong.length, medianImpressions: medianOf(strong) },
    elapsedSeconds: round(input.elapsedSeconds, 1),
  };
}

export function formatSimulation(report: SimulationReport): string {
  const good = report.goodNotesFromNewCreators;
  const rows: Array<[string, string]> = [
    ['impressions (engagements)', `${report.impressions} (${report.engagements})`],
    [
      'impressions by source',
      Object.entries(report.sources)
        .map(([source, count]) => `${source} ${count}`)
        .join(', '),
    ],
    [
      'good notes from new creators reaching 1,000 impressions',
      `${good.reached1000} of ${good.notes}, median ${good.medianHoursTo1000 ?? '–'} h (median impressions ${good.medianImpressions ?? '–'})`,
    ],
    ['share of impressions to creators under 1,000 followers', report.shareUnder1kFollowers.toFixed(3)],
    ['Gini of impressions across creators', report.impressionGini.toFixed(3)],
    ['promoted notes in the top quality quartile (precision)', `${report.promotion.precision.toFixed(3)} of ${report.promotion.promoted} promoted`],
    ['top-quartile new notes promoted (recall)', report.promotion.recall.toFixed(3)],
    [
      'weak new notes (bottom quartile): median impressions',
      `${report.weakNewNotes.medianImpressions ?? '–'} (${report.weakNewNotes.promoted} of ${report.weakNewNotes.notes} promoted)`,
    ],
    ['strong new notes (top quartile): median impressions', `${report.strongNewNotes.medianImpressions ?? '–'} (${report.strongNewNotes.notes} notes)`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const { options } = report;
  return [
    `simulation: ${options.users} people, ${options.creators} creators, ${options.days} days in ${options.stepMinutes}-minute steps, seed ${options.seed} (${report.elapsedSeconds} s)`,
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
  ].join('\n');
}
