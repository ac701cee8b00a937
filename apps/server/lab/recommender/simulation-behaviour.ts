import type { Random } from '../../src/demo/random.js';
import type { SimNote, SimViewer } from './simulation-world.js';

// What a simulated person does with a note they were shown: engagement grows
// with how much the topic interests them, whether they read the language, and
// the note's hidden quality. A bad match is sometimes waved off with "not
// interested".

export type SimAction = 'like' | 'collect' | 'comment' | 'follow' | 'not_interested';

/** How well a note fits a viewer, 0..1. */
export function match(viewer: SimViewer, note: SimNote, topicIndex = note.topic): number {
  const reads = viewer.reads.includes(note.language) ? 1 : 0.25;
  return viewer.interest[topicIndex]! * reads;
}

/** Chance of a like; collect, comment and follow are rarer versions of the same pull. */
export function likeProbability(viewer: SimViewer, note: SimNote): number {
  return Math.min(0.95, 0.4 * match(viewer, note) * note.quality);
}

export function react(viewer: SimViewer, note: SimNote, random: Random): SimAction[] {
  const fit = match(viewer, note);
  const like = likeProbability(viewer, note);
  const actions: SimAction[] = [];
  if (random.next() < like) actions.push('like');
  if (random.next() < like * 0.35) actions.push('collect');
  if (random.next() < like * 0.1) actions.push('comment');
  if (random.next() < like * 0.04) actions.push('follow');
  if (actions.length === 0 && fit < 0.1 && random.next() < 0.05 * (1 - note.quality)) actions.push('not_interested');
  return actions;
}
