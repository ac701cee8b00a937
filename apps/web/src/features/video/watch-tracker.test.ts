import { describe, expect, it } from 'vitest';
import type { EventInput } from './telemetry-batcher';
import { WatchTracker } from './watch-tracker';

function tracker(durationMs = 60_000) {
  const events: EventInput[] = [];
  const t = new WatchTracker('n1', 'video_feed', (e) => events.push(e), durationMs);
  return { t, events, types: () => events.map((e) => e.type) };
}

/** Plays from `fromMs` to `toMs` in 250 ms steps, as timeupdate would report. */
function play(t: WatchTracker, at: number, fromMs: number, toMs: number): number {
  let now = at;
  for (let pos = fromMs + 250; pos <= toMs; pos += 250) {
    now += 250;
    t.progress(now, pos);
  }
  return now;
}

describe('WatchTracker', () => {
  it('counts a swipe away within 2 s as a skip', () => {
    const { t, types } = tracker();
    t.activate(0);
    t.playing(100, 0);
    t.deactivate(1500);
    expect(types()).toEqual(['impression', 'play', 'skip']);
  });

  it('does not count a longer look as a skip, and sends the watched rest on leave', () => {
    const { t, events, types } = tracker();
    t.activate(0);
    t.playing(0, 0);
    const now = play(t, 0, 0, 3000);
    t.deactivate(now);
    expect(types()).toEqual(['impression', 'play', 'watch']);
    expect(events.at(-1)?.watchMs).toBe(3000);
  });

  it('sends a watch event every 5 s of playback with the delta since the last one', () => {
    const { t, events } = tracker();
    t.activate(0);
    t.playing(0, 0);
    play(t, 0, 0, 12_000);
    const watches = events.filter((e) => e.type === 'watch').map((e) => e.watchMs);
    expect(watches).toEqual([5000, 5000]);
  });

  it('ignores seeks and splits a long unsent stretch into chunks of at most 15 s', () => {
    const { t, events } = tracker(600_000);
    t.activate(0);
    t.playing(0, 0);
    t.progress(1, 100_000); // a seek: not watched
    expect(events.filter((e) => e.type === 'watch')).toEqual([]);
    // Simulate a backlog (e.g. a throttled tab) by driving the private counter through many small steps
    // without crossing the 5 s check in between: deactivate sends it all, capped per event.
    const internal = t as unknown as { unsentMs: number };
    internal.unsentMs = 40_000;
    t.deactivate(60_000);
    const watches = events.filter((e) => e.type === 'watch').map((e) => e.watchMs ?? 0);
    expect(watches).toEqual([15_000, 15_000, 10_000]);
    expect(Math.max(...watches)).toBeLessThanOrEqual(15_000);
  });

  it('reports complete once and a replay on every loop', () => {
    const { t, types } = tracker(4000);
    t.activate(0);
    t.playing(0, 0);
    let now = play(t, 0, 0, 3750);
    t.progress((now += 250), 100); // loop back to the start
    now = play(t, now, 100, 3850);
    t.progress((now += 250), 50);
    const list = types();
    expect(list.filter((x) => x === 'complete')).toHaveLength(1);
    expect(list.filter((x) => x === 'replay')).toHaveLength(2);
  });

  it('sends impression again only after leaving and coming back', () => {
    const { t, types } = tracker();
    t.activate(0);
    t.activate(10);
    t.deactivate(5000);
    t.activate(6000);
    expect(types().filter((x) => x === 'impression')).toHaveLength(2);
  });
});
