import { useSyncExternalStore } from 'react';

// Notes the viewer said "not interested" in (or reported) during this page load. Grids
// and the swipe feed filter them out at once; the server leaves them out of later pages.
let dismissed: ReadonlySet<string> = new Set();
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

export function dismissNote(noteId: string): void {
  if (dismissed.has(noteId)) return;
  dismissed = new Set([...dismissed, noteId]);
  emit();
}

export function restoreNote(noteId: string): void {
  if (!dismissed.has(noteId)) return;
  const next = new Set(dismissed);
  next.delete(noteId);
  dismissed = next;
  emit();
}

export function useDismissedNotes(): ReadonlySet<string> {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => dismissed,
  );
}
