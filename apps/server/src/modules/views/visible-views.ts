import type { ViewerContext } from '../../kernel/viewer-context.js';
import type { NoteHydrator } from '../notes/note-hydrator.js';

/**
 * The notes of a batch this viewer could have seen at all. A view is counted
 * only for those: a client that reports a note hidden from it (a block either
 * way, a note its region's rulebook hides, a held or removed one, a private
 * account's note) would otherwise inflate counters it cannot even read.
 * 'direct' is the widest surface: a muted author's note opened by link is a real view.
 */
export async function viewableNoteIds(hydrator: NoteHydrator, noteIds: readonly string[], context: ViewerContext): Promise<string[]> {
  if (noteIds.length === 0) return [];
  const cards = await hydrator.cards([...new Set(noteIds)], context, 'direct');
  return cards.map((card) => card.id);
}
