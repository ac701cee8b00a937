import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { solveChallenge } from './proof-of-work';

describe('solveChallenge', () => {
  it('finds a solution whose SHA-256 has the leading zero bits asked for', async () => {
    const challenge = 'v1.1796648400000.10.abc.def';
    const solution = await solveChallenge(challenge, 10);
    const digest = createHash('sha256').update(`${challenge}:${solution}`).digest();
    expect(digest[0]).toBe(0);
    expect(digest[1]! >> 6).toBe(0);
  });
});
