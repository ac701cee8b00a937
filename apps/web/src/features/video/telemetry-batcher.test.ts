import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventBatcher, type SendOutcome, type TelemetryEvent } from './telemetry-batcher';

function setup(outcomes: SendOutcome[] = []) {
  const sent: TelemetryEvent[][] = [];
  const beacons: TelemetryEvent[][] = [];
  const send = vi.fn(async (events: TelemetryEvent[]) => {
    sent.push(events);
    return outcomes.shift() ?? 'ok';
  });
  const batcher = new EventBatcher({
    sessionId: 's-1',
    now: () => 1000,
    transport: {
      send,
      beacon: (events) => {
        beacons.push(events);
        return true;
      },
    },
  });
  return { batcher, sent, beacons, send };
}

const input = { type: 'play' as const, noteId: 'n1', source: 'video_feed' as const };

describe('EventBatcher', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stamps the session, the time and an increasing sequence', () => {
    const { batcher } = setup();
    const a = batcher.push(input);
    const b = batcher.push({ ...input, at: 5 });
    expect([a.seq, b.seq]).toEqual([1, 2]);
    expect(a).toMatchObject({ sessionId: 's-1', at: 1000 });
    expect(b.at).toBe(5);
  });

  it('flushes after 5 s, not before', () => {
    const { batcher, sent } = setup();
    batcher.push(input);
    vi.advanceTimersByTime(4999);
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(1);
    expect(batcher.pending).toBe(0);
  });

  it('flushes at once when 50 events are queued', () => {
    const { batcher, sent } = setup();
    for (let i = 0; i < 49; i++) batcher.push(input);
    expect(sent).toHaveLength(0);
    batcher.push(input);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toHaveLength(50);
    expect(sent[0]?.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('sends by beacon when the page hides', () => {
    const { batcher, sent, beacons } = setup();
    batcher.push(input);
    batcher.flushBeacon();
    expect(beacons).toHaveLength(1);
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(10_000);
    expect(sent).toHaveLength(0);
  });

  it('retries once on a server error or network failure, never on a 4xx', async () => {
    const retried = setup(['retry', 'retry']);
    retried.batcher.push(input);
    retried.batcher.flush();
    await vi.runAllTimersAsync();
    expect(retried.send).toHaveBeenCalledTimes(2);

    const dropped = setup(['drop']);
    dropped.batcher.push(input);
    dropped.batcher.flush();
    await vi.runAllTimersAsync();
    expect(dropped.send).toHaveBeenCalledTimes(1);
  });
});
