/** A solved sign-in challenge, kept until it expires so it cannot be used twice. */
export interface UsedChallengesTable {
  nonce: string;
  expires_at: Date;
}
