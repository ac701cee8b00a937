import { type RefObject, useEffect } from 'react';
import { track } from '../video/telemetry';
import type { FeedSurface } from './feed-surface';

/** The recommender's definition of "shown": at least half the card on screen for half a second. */
export const VISIBLE_RATIO = 0.5;
export const VISIBLE_MS = 500;

interface Watch {
  noteId: string;
  position: number;
  surface: FeedSurface;
  timer?: ReturnType<typeof setTimeout>;
}

const watched = new Map<Element, Watch>();
let observer: IntersectionObserver | undefined;

function stopWatching(element: Element): void {
  const watch = watched.get(element);
  if (watch?.timer) clearTimeout(watch.timer);
  watched.delete(element);
  observer?.unobserve(element);
}

function onEntries(entries: IntersectionObserverEntry[]): void {
  for (const entry of entries) {
    const watch = watched.get(entry.target);
    if (!watch) continue;
    if (entry.isIntersecting && entry.intersectionRatio >= VISIBLE_RATIO) {
      watch.timer ??= setTimeout(() => {
        if (!watch.surface.seen.has(watch.noteId)) {
          watch.surface.seen.add(watch.noteId);
          track({ type: 'impression', noteId: watch.noteId, source: watch.surface.source, position: watch.position });
        }
        stopWatching(entry.target);
      }, VISIBLE_MS);
    } else if (watch.timer) {
      clearTimeout(watch.timer);
      watch.timer = undefined;
    }
  }
}

/** Reports an impression of the card in `ref` (0-based `position` in the grid) once per page view. */
export function useCardImpression(ref: RefObject<Element | null>, noteId: string, position: number, surface: FeedSurface | null): void {
  useEffect(() => {
    const element = ref.current;
    if (!element || !surface || surface.seen.has(noteId) || typeof IntersectionObserver === 'undefined') return;
    observer ??= new IntersectionObserver(onEntries, { threshold: [0, VISIBLE_RATIO] });
    watched.set(element, { noteId, position, surface });
    observer.observe(element);
    return () => stopWatching(element);
  }, [ref, noteId, position, surface]);
}
