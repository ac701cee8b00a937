import { useEffect, useMemo } from 'react';
import type { EventSource } from './telemetry-batcher';
import { track } from './telemetry';
import { WatchTracker } from './watch-tracker';

/** The telemetry for one player: an impression when it becomes active, the rest when it leaves. */
export function useWatchTracker(noteId: string, source: EventSource, durationMs: number, active: boolean): WatchTracker {
  const tracker = useMemo(() => new WatchTracker(noteId, source, track, durationMs), [noteId, source, durationMs]);
  useEffect(() => {
    if (!active) return;
    tracker.activate(Date.now());
    return () => tracker.deactivate(Date.now());
  }, [tracker, active]);
  return tracker;
}
