import { describe, expect, it } from 'vitest';
import { nextRegionChange } from './region-rules';

describe('region changes', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  it('may change at once when it never changed or changed over 30 days ago', () => {
    expect(nextRegionChange(null, now)).toBeNull();
    expect(nextRegionChange('2026-02-01T00:00:00Z', now)).toBeNull();
    expect(nextRegionChange('not a date', now)).toBeNull();
  });

  it('says when it may change again within the 30 days', () => {
    expect(nextRegionChange('2026-03-01T12:00:00Z', now)?.toISOString()).toBe('2026-03-31T12:00:00.000Z');
  });
});
