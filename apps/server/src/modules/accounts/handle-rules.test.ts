import { describe, expect, it } from 'vitest';
import { handleProblem } from './handle-rules.js';

describe('handleProblem', () => {
  it('accepts ordinary handles', () => {
    for (const handle of ['ann', 'Mei_Lin', 'tiktok_refugee_2025', 'a1b', '_under']) {
      expect(handleProblem(handle), handle).toBeNull();
    }
  });
  it('refuses malformed handles', () => {
    for (const handle of ['ab', 'a'.repeat(25), 'with space', 'dot.ted', 'émile', '猫猫猫', '2025', '___']) {
      expect(handleProblem(handle), handle).toBe('invalid');
    }
  });
  it('refuses reserved words in any case', () => {
    for (const handle of ['admin', 'ADMIN', 'Qiao', 'support', 'settings']) {
      expect(handleProblem(handle), handle).toBe('reserved');
    }
  });
});
