import { useSyncExternalStore } from 'react';

// Items whose warning this person tapped through, for the rest of the visit: a card
// revealed in the grid stays revealed on its note page and back. Not stored: the next
// visit asks again, as TikTok and Instagram do.
let revealed = new Set<string>();
const listeners = new Set<() => void>();

export type WarnedKind = 'note' | 'comment' | 'user';
const keyOf = (kind: WarnedKind, id: string) => `${kind}:${id}`;

export function revealItem(kind: WarnedKind, id: string): void {
  revealed = new Set(revealed).add(keyOf(kind, id));
  for (const listener of listeners) listener();
}

export function isRevealed(kind: WarnedKind, id: string): boolean {
  return revealed.has(keyOf(kind, id));
}

/** Whether the item should still be behind its warning (it has warnings and was not revealed). */
export function useWarningGate(kind: WarnedKind, id: string, warnings: readonly string[] | undefined): boolean {
  const shown = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => isRevealed(kind, id),
  );
  return Boolean(warnings?.length) && !shown;
}
