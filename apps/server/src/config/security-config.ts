import { type Env, int } from './env-values.js';

export interface SecurityConfig {
  /** Session IP addresses are cut to their network (/24, /48) once a session is this old. */
  sessionIpRetentionDays: number;
  /** Sign-in code requests past this share (percent) of any SMS budget must carry a solved proof-of-work challenge. */
  challengeAtBudgetPercent: number;
  /** Leading zero bits the challenge's SHA-256 must have (each bit doubles the client's work). */
  challengeDifficultyBits: number;
  challengeTtlSeconds: number;
  /** Shown by the authenticator app next to the account. */
  totpIssuer: string;
}

export function securityConfig(env: Env): SecurityConfig {
  return {
    sessionIpRetentionDays: int(env, 'SESSION_IP_RETENTION_DAYS', 7, 1),
    challengeAtBudgetPercent: int(env, 'SIGNIN_CHALLENGE_AT_BUDGET_PERCENT', 50, 0),
    challengeDifficultyBits: int(env, 'SIGNIN_CHALLENGE_DIFFICULTY_BITS', 16, 1),
    challengeTtlSeconds: int(env, 'SIGNIN_CHALLENGE_TTL_SECONDS', 300, 10),
    totpIssuer: env.TOTP_ISSUER || 'Qiao',
  };
}

/** localhost, 127.0.0.0/8 and ::1: nothing but this machine can connect. */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}
