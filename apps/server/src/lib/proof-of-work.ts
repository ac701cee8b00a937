import { createHash, randomBytes } from 'node:crypto';
import { hmac, sameBytes } from './tokens.js';

// A hashcash-style challenge: the server signs (HMAC) a random nonce with its expiry and
// difficulty, keeping no state until it is solved; the client finds a `solution` such that
// sha256(challenge + ":" + solution) starts with `difficulty` zero bits. Cheap to check,
// costly to produce in bulk: it prices out scripted SMS pumping without a CAPTCHA vendor.

export interface Challenge {
  challenge: string;
  difficulty: number;
  expiresAt: Date;
}

export function issueChallenge(secretKey: string, now: Date, difficulty: number, ttlSeconds: number): Challenge {
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
  const body = `v1.${expiresAt.getTime()}.${difficulty}.${randomBytes(12).toString('base64url')}`;
  const signature = hmac(secretKey, `pow:${body}`).subarray(0, 16).toString('base64url');
  return { challenge: `${body}.${signature}`, difficulty, expiresAt };
}

export function leadingZeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export type ChallengeCheck = { ok: true; nonce: string; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired' | 'unsolved' };

/** Signature, expiry, at least `minDifficulty`, and the work itself. Single use is the caller's (it needs storage). */
export function checkSolution(secretKey: string, challenge: string, solution: string, now: Date, minDifficulty: number): ChallengeCheck {
  const parts = challenge.split('.');
  if (parts.length !== 5 || parts[0] !== 'v1') return { ok: false, reason: 'invalid' };
  const [version, expiresMs, difficultyText, nonce, signature] = parts as [string, string, string, string, string];
  const expected = hmac(secretKey, `pow:${version}.${expiresMs}.${difficultyText}.${nonce}`).subarray(0, 16);
  if (!sameBytes(Buffer.from(signature, 'base64url'), expected)) return { ok: false, reason: 'invalid' };
  const difficulty = Number(difficultyText);
  if (!Number.isInteger(difficulty) || difficulty < minDifficulty) return { ok: false, reason: 'invalid' };
  const expiresAt = new Date(Number(expiresMs));
  if (!(expiresAt > now)) return { ok: false, reason: 'expired' };
  const digest = createHash('sha256').update(`${challenge}:${solution}`).digest();
  if (leadingZeroBits(digest) < difficulty) return { ok: false, reason: 'unsolved' };
  return { ok: true, nonce, expiresAt };
}

/** What a client does (tests use it; the web app does the same with WebCrypto). */
export function solveChallenge(challenge: string, difficulty: number): string {
  for (let i = 0; ; i += 1) {
    const solution = i.toString(36);
    if (leadingZeroBits(createHash('sha256').update(`${challenge}:${solution}`).digest()) >= difficulty) return solution;
  }
}
