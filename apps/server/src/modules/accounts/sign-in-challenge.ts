import { sql } from 'kysely';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../lib/errors.js';
import { checkSolution, issueChallenge } from '../../lib/proof-of-work.js';

const HOUR_MS = 60 * 60 * 1000;

export interface ChallengeAnswer {
  challenge?: string;
  solution?: string;
}

/**
 * SMS pumping's last defence before the hard budgets: once an IP, a country calling code
 * or the whole service has used `challengeAtBudgetPercent` of its budget, a code request
 * must carry a solved proof-of-work challenge. Normal volume never sees one.
 */
export class SignInChallenges {
  constructor(
    private readonly secretKey: string,
    private readonly config: Pick<Config, 'rateLimits' | 'security'>,
  ) {}

  private async unusual(db: Db, input: { ip: string; countryCallingCode: string; now: Date }): Promise<boolean> {
    const { rateLimits, security } = this.config;
    const share = security.challengeAtBudgetPercent / 100;
    const hour = new Date(Math.floor(input.now.getTime() / HOUR_MS) * HOUR_MS);
    const since = new Date(input.now.getTime() - rateLimits.ipWindowSeconds * 1000);
    const { rows } = await sql<{ all_sent: number; cc_sent: number; ip_codes: number }>`
      select
        coalesce((select sent from sms_budgets where scope = 'all' and hour = ${hour}), 0)::int as all_sent,
        coalesce((select sent from sms_budgets where scope = ${`cc:${input.countryCallingCode}`} and hour = ${hour}), 0)::int as cc_sent,
        (select count(*) from phone_codes where ip = ${input.ip} and created_at > ${since})::int as ip_codes`.execute(db);
    const row = rows[0] ?? { all_sent: 0, cc_sent: 0, ip_codes: 0 };
    // Called after this request's SMS was counted in the budgets (so strictly past), before its code is stored.
    return (
      row.all_sent > rateLimits.smsPerHour * share ||
      row.cc_sent > rateLimits.smsPerHourPerCountryCode * share ||
      row.ip_codes >= rateLimits.codeRequestsPerIp * share
    );
  }

  /**
   * Passes under normal volume; otherwise needs a valid, unexpired, unused solution (and
   * marks it used, in the caller's transaction). Refuses with 428 and a fresh challenge.
   */
  async enforce(db: Db, answer: ChallengeAnswer, input: { ip: string; countryCallingCode: string; now: Date }): Promise<void> {
    if (!(await this.unusual(db, input))) return;
    const { security } = this.config;
    if (answer.challenge && answer.solution) {
      const check = checkSolution(this.secretKey, answer.challenge, answer.solution, input.now, security.challengeDifficultyBits);
      if (check.ok) {
        const { rows } = await sql<{ nonce: string }>`
          insert into used_challenges (nonce, expires_at) values (${check.nonce}, ${check.expiresAt})
          on conflict do nothing returning nonce`.execute(db);
        if (rows.length > 0) return;
      }
    }
    const fresh = issueChallenge(this.secretKey, input.now, security.challengeDifficultyBits, security.challengeTtlSeconds);
    throw new AppError(428, 'challenge_required', 'Please wait a moment while we check your browser, then try again.', {
      extra: { challenge: fresh.challenge, difficulty: fresh.difficulty, expiresAt: fresh.expiresAt.toISOString() },
    });
  }
}

export async function deleteExpiredChallenges(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('used_challenges').where('expires_at', '<=', now).execute();
}
