import { describe, expect, it } from 'vitest';
import { mediaPlan, pickActive, shouldLoadMore, stepIndex } from './active-item';

describe('active item', () => {
  it('picks the most visible item at or over 60%', () => {
    expect(
      pickActive(
        new Map([
          [0, 0.3],
          [1, 0.7],
        ]),
        0,
      ),
    ).toBe(1);
    expect(
      pickActive(
        new Map([
          [0, 0.6],
          [1, 0.4],
        ]),
        1,
      ),
    ).toBe(0);
  });

  it('keeps the current item while none is 60% visible (mid-swipe)', () => {
    expect(
      pickActive(
        new Map([
          [0, 0.5],
          [1, 0.5],
        ]),
        0,
      ),
    ).toBe(0);
    expect(pickActive(new Map(), 3)).toBe(3);
  });

  it('prefers the current item on a tie', () => {
    expect(
      pickActive(
        new Map([
          [0, 1],
          [1, 1],
        ]),
        1,
      ),
    ).toBe(1);
  });

  it('plays the active item, preloads neighbours and releases the rest', () => {
    expect(mediaPlan(2, 2)).toBe('play');
    expect(mediaPlan(3, 2)).toBe('preload');
    expect(mediaPlan(1, 2)).toBe('preload');
    expect(mediaPlan(4, 2)).toBe('release');
    expect(mediaPlan(0, 2)).toBe('release');
  });

  it('loads more two items from the end', () => {
    expect(shouldLoadMore(2, 5)).toBe(true);
    expect(shouldLoadMore(1, 5)).toBe(false);
    expect(shouldLoadMore(0, 0)).toBe(false);
  });

  it('steps with the arrow keys within bounds', () => {
    expect(stepIndex(0, -1, 3)).toBe(0);
    expect(stepIndex(2, 1, 3)).toBe(2);
    expect(stepIndex(1, 1, 3)).toBe(2);
  });
});
