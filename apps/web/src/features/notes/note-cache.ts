import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import type { NoteCard, NoteView } from './note-types';

/** What a like changes, on a card and on the full note alike. */
export interface LikeState {
  liked: boolean;
  likes: number;
}

type Snapshot = [QueryKey, unknown][];

function isNoteView(value: unknown, id: string): value is NoteView {
  // A video note may come without an images array; `body` tells a note from a card.
  return typeof value === 'object' && value !== null && ('images' in value || 'body' in value) && 'counts' in value && (value as NoteView).id === id;
}

function patchCards(cards: NoteCard[], id: string, like: LikeState): NoteCard[] {
  if (!cards.some((card) => card.id === id)) return cards;
  return cards.map((card) =>
    card.id === id ? { ...card, counts: { ...card.counts, likes: like.likes }, viewer: { ...card.viewer, liked: like.liked } } : card,
  );
}

/** Applies a like to whatever a cached value holds: a note, a page of cards, search results. */
function patchValue(value: unknown, id: string, like: LikeState): unknown {
  if (isNoteView(value, id)) {
    return {
      ...value,
      counts: { ...value.counts, likes: like.likes },
      viewer: value.viewer ? { ...value.viewer, liked: like.liked } : value.viewer,
    };
  }
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.pages)) {
    const data = value as InfiniteData<unknown>;
    const pages = data.pages.map((page) => patchValue(page, id, like));
    return pages.every((page, i) => page === data.pages[i]) ? value : { ...data, pages };
  }
  for (const key of ['items', 'notes'] as const) {
    const list = record[key];
    if (Array.isArray(list) && list.length > 0 && typeof list[0] === 'object' && list[0] !== null && 'cover' in list[0]) {
      const next = patchCards(list as NoteCard[], id, like);
      return next === list ? value : { ...record, [key]: next };
    }
  }
  return value;
}

/**
 * A note's like shows in many caches at once (the note, every grid it is in); this
 * updates them all and returns what they held, for a rollback if the server says no.
 */
export function setLikeEverywhere(queryClient: QueryClient, id: string, like: LikeState): Snapshot {
  const snapshot: Snapshot = [];
  for (const query of queryClient.getQueryCache().getAll()) {
    const before = query.state.data;
    if (before === undefined) continue;
    const after = patchValue(before, id, like);
    if (after !== before) {
      snapshot.push([query.queryKey, before]);
      queryClient.setQueryData(query.queryKey, after);
    }
  }
  return snapshot;
}

export function restoreSnapshot(queryClient: QueryClient, snapshot: Snapshot | undefined): void {
  for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
}
