import { sql } from 'kysely';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/database.js';
import type { CodePurpose } from '../../db/tables/phone-codes.js';
import type { UserRow } from '../../db/tables/users.js';
import { AppError, badRequest, tooManyRequests } from '../../lib/errors.js';
import type { RateLimiter } from '../../lib/rate-limiter.js';
import { hmac, randomDigits, randomToken, sameBytes, sha256 } from '../../lib/tokens.js';
import { insertSignInNotification } from '../notifications/notifications-queries.js';
import type { SmsProvider } from '../sms/sms-provider.js';
import { isSupportedLanguage, suggestLanguage } from './languages.js';
import { codeTimesSince, consumeCode, deleteCode, insertCode, latestCode, lockPhone, recordWrongAttempt } from './phone-codes-queries.js';
import { normalizePhone } from './phone-number.js';
import type { SessionsService } from './sessions-service.js';
import { deletionSmsText, verificationSmsText } from './sms-text.js';
import type { ChallengeAnswer, SignInChallenges } from './sign-in-challenge.js';
import type { TwoFactorService } from './two-factor-service.js';
import { deletePendingSignIn, insertPendingSignIn, lockPendingSignIn, recordPendingAttempt } from './two-factor-queries.js';
import { findOrCreateUserByPhone } from './users-queries.js';
import type { PersonalDataVault } from '../../kernel/vault/personal-data-vault.js';
import { phoneIndex, revealPhone } from './phone-vault.js';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export interface AuthServiceDeps {
  db: Db;
  config: Pick<Config, 'auth' | 'rateLimits'>;
  secretKey: string;
  sms: SmsProvider;
  /** Seals phone numbers and computes their blind index: only those reach the database. */
  vault: PersonalDataVault;
  rateLimiter: RateLimiter;
  sessions: SessionsService;
  log: (error: unknown, message: string) => void;
  /** Decides, in the sign-up's transaction, how a brand-new account starts (moderation's flood defence). */
  admitNewAccount?: (trx: Db, user: UserRow, now: Date) => Promise<UserRow>;
  /** Signing in to an account waiting for erasure cancels it (privacy/deletion): the account as restored, or null. */
  onSignIn?: (trx: Db, user: UserRow, now: Date) => Promise<UserRow | null>;
  /** Accounts with an authenticator app give its code after the SMS code, before any session exists. */
  twoFactor?: TwoFactorService;
  /** Proof-of-work when code volume is unusual (SMS pumping). */
  challenges?: SignInChallenges;
}

/** How long the step between the SMS code and the authenticator code may take, and how many guesses it gets. */
const PENDING_SIGN_IN_SECONDS = 300;
const PENDING_SIGN_IN_ATTEMPTS = 5;

export interface ClientContext {
  ip: string;
  /** From the edge's country header (REGION_HEADER), when one is configured. */
  country?: string | null;
  userAgent: string | null;
  acceptLanguage?: string;
  now: Date;
}

type SignedIn = { kind: 'signed-in'; user: UserRow; created: boolean; token: string; phone: string | null; deletionCancelled: boolean };

type VerifyOutcome =
  | SignedIn
  | { kind: 'two-factor'; pendingToken: string; expiresInSeconds: number }
  | { kind: 'expired' }
  | { kind: 'burned' }
  | { kind: 'wrong'; attemptsLeft: number };

/** Sign-up and log-in are one flow: prove you hold the phone number, get a session. */
export class AuthService {
  constructor(private readonly deps: AuthServiceDeps) {}

  private hashCode(phone: string, code: string): Buffer {
    return hmac(this.deps.secretKey, `${phone}:${code}`);
  }

  private limitIp(kind: 'code' | 'verify', ip: string, now: Date): void {
    const { rateLimits } = this.deps.config;
    const limit = kind === 'code' ? rateLimits.codeRequestsPerIp : rateLimits.verifyAttemptsPerIp;
    const result = this.deps.rateLimiter.consume(`${kind}:${ip}`, limit, rateLimits.ipWindowSeconds, now.getTime());
    if (!result.allowed) {
      throw tooManyRequests('rate_limited', 'Too many attempts from your network. Try again later.', result.retryAfterSeconds);
    }
  }

  async requestCode(input: { phone: string; country?: string; language?: string } & ChallengeAnswer, client: ClientContext, purpose: CodePurpose = 'sign_in') {
    const { db, config, sms } = this.deps;
    const { now } = client;
    this.limitIp('code', client.ip, now);
    const phone = normalizePhone(input.phone, input.country);
    const code = randomDigits(6);
    const index = phoneIndex(this.deps.vault, phone.e164);

    const { id: codeId } = await db.transaction().execute(async (trx) => {
      await lockPhone(trx, index);
      await this.enforceNumberLimits(trx, index, purpose, now);
      await this.spendSmsBudget(trx, phone.countryCallingCode, now);
      // After the hard budgets (a spent budget says so, not "solve this"); a refusal rolls
      // the spend back. Only sign-in codes: a deletion code's requester is signed in already.
      if (purpose === 'sign_in' && this.deps.challenges) {
        await this.deps.challenges.enforce(trx, input, { ip: client.ip, countryCallingCode: phone.countryCallingCode, now });
      }
      return insertCode(trx, {
        phoneIndex: index,
        codeHash: this.hashCode(phone.e164, code),
        ip: client.ip,
        now,
        expiresAt: new Date(now.getTime() + config.auth.codeTtlSeconds * 1000),
        purpose,
      });
    });

    const language = isSupportedLanguage(input.language) ? input.language : suggestLanguage(phone.country ?? '', client.acceptLanguage);
    try {
      const text = purpose === 'delete_account' ? deletionSmsText : verificationSmsText;
      await sms.send({ to: phone.e164, body: text(code, language, Math.round(config.auth.codeTtlSeconds / 60)) });
    } catch (error) {
      // The user never got this code: forget it so the resend gap does not block a retry.
      await deleteCode(db, codeId);
      this.deps.log(error, 'SMS delivery failed');
      throw new AppError(502, 'sms_unavailable', 'We could not send the text message. Try again in a moment.');
    }
    return {
      phone: phone.e164,
      expiresInSeconds: config.auth.codeTtlSeconds,
      resendAfterSeconds: config.auth.resendAfterSeconds,
    };
  }

  /**
   * One SMS out of this hour's budgets: the service's and the country calling code's.
   * A refused budget is logged at error level for the operator (an SMS-pumping run,
   * or a real surge that needs a higher budget).
   */
  private async spendSmsBudget(trx: Db, countryCallingCode: string, now: Date): Promise<void> {
    const { rateLimits } = this.deps.config;
    const hour = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
    for (const [scope, limit] of [
      [`cc:${countryCallingCode}`, rateLimits.smsPerHourPerCountryCode],
      ['all', rateLimits.smsPerHour],
    ] as const) {
      const { rows } = await sql<{ sent: number }>`
        insert into sms_budgets (scope, hour, sent) values (${scope}, ${hour}, 1)
        on conflict (scope, hour) do update set sent = sms_budgets.sent + 1 where sms_budgets.sent < ${limit}
        returning sent`.execute(trx);
      if (rows.length === 0) {
        this.deps.log(new Error(`SMS budget ${scope} spent: ${limit} this hour`), 'SMS budget exhausted');
        const retryAfter = Math.ceil((hour.getTime() + HOUR_MS - now.getTime()) / 1000);
        throw tooManyRequests('sms_budget_exhausted', 'We are sending too many codes right now. Try again later.', retryAfter);
      }
    }
  }

  /** The 60 s resend gap, then hourly and daily caps per number (kept in the database, so they hold across processes). */
  private async enforceNumberLimits(trx: Db, phoneIndex: Buffer, purpose: CodePurpose, now: Date): Promise<void> {
    const { auth, rateLimits } = this.deps.config;
    // The resend gap is per purpose (a deletion code right after signing in is fine); the caps count every code.
    const last = await latestCode(trx, phoneIndex, purpose);
    if (last) {
      const waitMs = last.created_at.getTime() + auth.resendAfterSeconds * 1000 - now.getTime();
      if (waitMs > 0) {
        throw tooManyRequests('resend_too_soon', 'A code was just sent. Wait before asking for another.', Math.ceil(waitMs / 1000));
      }
    }
    const lastDay = await codeTimesSince(trx, phoneIndex, new Date(now.getTime() - DAY_MS));
    const lastHour = lastDay.filter((time) => time.getTime() > now.getTime() - HOUR_MS);
    for (const [times, cap, windowMs] of [
      [lastDay, rateLimits.codesPerNumberPerDay, DAY_MS],
      [lastHour, rateLimits.codesPerNumberPerHour, HOUR_MS],
    ] as const) {
      if (times.length >= cap) {
        // Allowed again once the oldest code that counts toward the cap leaves the window.
        const freedAt = times[times.length - cap]!.getTime() + windowMs;
        throw tooManyRequests('rate_limited', 'Too many codes for this number. Try again later.', Math.max(1, Math.ceil((freedAt - now.getTime()) / 1000)));
      }
    }
  }

  /**
   * Checks a code sent for an action on one's own account (delete_account): the newest of
   * that purpose, younger than `maxAgeSeconds`, right, and used once. Throws like verifyCode.
   */
  async confirmActionCode(phone: string, purpose: Exclude<CodePurpose, 'sign_in'>, code: string, client: ClientContext, maxAgeSeconds: number): Promise<void> {
    const { db, config } = this.deps;
    const { now } = client;
    this.limitIp('verify', client.ip, now);
    const index = phoneIndex(this.deps.vault, phone);
    const outcome = await db.transaction().execute(async (trx): Promise<VerifyOutcome | { kind: 'confirmed' }> => {
      await lockPhone(trx, index);
      const stored = await latestCode(trx, index, purpose);
      const tooOld = stored && stored.created_at.getTime() + maxAgeSeconds * 1000 <= now.getTime();
      if (!stored || stored.consumed_at || stored.expires_at <= now || tooOld) return { kind: 'expired' };
      if (stored.attempts >= config.auth.maxCodeAttempts) return { kind: 'burned' };
      if (!sameBytes(this.hashCode(phone, code), stored.code_hash)) {
        const attempts = await recordWrongAttempt(trx, stored.id);
        const attemptsLeft = config.auth.maxCodeAttempts - attempts;
        return attemptsLeft > 0 ? { kind: 'wrong', attemptsLeft } : { kind: 'burned' };
      }
      await consumeCode(trx, stored.id, now);
      return { kind: 'confirmed' };
    });
    if (outcome.kind === 'confirmed') return;
    if (outcome.kind === 'expired') throw badRequest('code_expired', 'This code has expired or was already used. Ask for a new one.');
    if (outcome.kind === 'burned') throw badRequest('code_burned', 'Too many wrong codes. Ask for a new one.');
    if (outcome.kind === 'wrong') throw badRequest('code_invalid', 'That code is not right.', { attemptsLeft: outcome.attemptsLeft });
  }

  async verifyCode(input: { phone: string; code: string }, client: ClientContext) {
    const { db, config, sessions } = this.deps;
    const { now } = client;
    this.limitIp('verify', client.ip, now);
    const phone = normalizePhone(input.phone);
    const index = phoneIndex(this.deps.vault, phone.e164);

    // Wrong attempts are returned, not thrown, so their count is committed.
    const outcome = await db.transaction().execute(async (trx): Promise<VerifyOutcome> => {
      await lockPhone(trx, index);
      const stored = await latestCode(trx, index, 'sign_in');
      if (!stored || stored.consumed_at || stored.expires_at <= now) return { kind: 'expired' };
      if (stored.attempts >= config.auth.maxCodeAttempts) return { kind: 'burned' };
      if (!sameBytes(this.hashCode(phone.e164, input.code), stored.code_hash)) {
        const attempts = await recordWrongAttempt(trx, stored.id);
        const attemptsLeft = config.auth.maxCodeAttempts - attempts;
        return attemptsLeft > 0 ? { kind: 'wrong', attemptsLeft } : { kind: 'burned' };
      }
      await consumeCode(trx, stored.id, now);
      // +1 numbers are shared by the US, Canada and the Caribbean; libphonenumber
      // resolves most by area code, and the user can correct it at onboarding.
      const region = phone.country ?? 'US';
      const found = await findOrCreateUserByPhone(trx, this.deps.vault, {
        phone: phone.e164,
        region,
        language: suggestLanguage(region, client.acceptLanguage),
        now,
      });
      const { created } = found;
      if (!created && this.deps.twoFactor && (await this.deps.twoFactor.isEnabled(trx, found.user.id))) {
        // No session, no cookie: a pending sign-in the authenticator code turns into one.
        const pendingToken = randomToken(32);
        await insertPendingSignIn(trx, {
          tokenHash: sha256(pendingToken),
          userId: found.user.id,
          userAgent: client.userAgent,
          ip: client.ip,
          country: client.country ?? null,
          now,
          expiresAt: new Date(now.getTime() + PENDING_SIGN_IN_SECONDS * 1000),
        });
        return { kind: 'two-factor', pendingToken, expiresInSeconds: PENDING_SIGN_IN_SECONDS };
      }
      const user = created && this.deps.admitNewAccount ? await this.deps.admitNewAccount(trx, found.user, now) : found.user;
      return this.issueSession(trx, user, created, client, phone.e164);
    });

    switch (outcome.kind) {
      case 'signed-in':
      case 'two-factor':
        return outcome;
      case 'expired':
        throw badRequest('code_expired', 'This code has expired or was already used. Ask for a new one.');
      case 'burned':
        throw badRequest('code_burned', 'Too many wrong codes. Ask for a new one.');
      case 'wrong':
        throw badRequest('code_invalid', 'That code is not right.', { attemptsLeft: outcome.attemptsLeft });
    }
  }

  /** Everything a successful sign-in does: cancel a pending erasure, start the session, tell of a new device. */
  private async issueSession(trx: Db, signingIn: UserRow, created: boolean, client: ClientContext, phone: string | null): Promise<SignedIn> {
    const { now } = client;
    let user = signingIn;
    const restored = !created && this.deps.onSignIn ? await this.deps.onSignIn(trx, user, now) : null;
    if (restored) user = restored;
    const { token, session, newDevice } = await this.deps.sessions.create(trx, {
      userId: user.id,
      userAgent: client.userAgent,
      ip: client.ip,
      country: client.country ?? null,
      now,
    });
    if (newDevice && !created) {
      await insertSignInNotification(trx, { userId: user.id, detail: { device: session.device, browser: session.browser, country: session.country }, now });
    }
    return { kind: 'signed-in', user, created, token, phone, deletionCancelled: restored !== null };
  }

  /** The second step for accounts with an authenticator app: its current code, or a recovery code. */
  async verifySecondFactor(input: { pendingToken: string; code: string }, client: ClientContext): Promise<SignedIn> {
    const { db } = this.deps;
    const { now } = client;
    this.limitIp('verify', client.ip, now);
    const twoFactor = this.deps.twoFactor;
    if (!twoFactor) throw badRequest('sign_in_expired', 'This sign-in has expired. Start again with a new text message code.');
    const outcome = await db.transaction().execute(async (trx): Promise<SignedIn | { kind: 'expired' } | { kind: 'wrong'; attemptsLeft: number }> => {
      const pending = await lockPendingSignIn(trx, sha256(input.pendingToken));
      if (!pending || pending.expires_at <= now || pending.attempts >= PENDING_SIGN_IN_ATTEMPTS) {
        if (pending) await deletePendingSignIn(trx, pending.id);
        return { kind: 'expired' };
      }
      if (!(await twoFactor.checkCode(trx, pending.user_id, input.code, now))) {
        const attempts = await recordPendingAttempt(trx, pending.id);
        if (attempts >= PENDING_SIGN_IN_ATTEMPTS) await deletePendingSignIn(trx, pending.id);
        return { kind: 'wrong', attemptsLeft: Math.max(0, PENDING_SIGN_IN_ATTEMPTS - attempts) };
      }
      await deletePendingSignIn(trx, pending.id);
      const user = await trx.selectFrom('users').selectAll().where('id', '=', pending.user_id).executeTakeFirstOrThrow();
      return this.issueSession(trx, user, false, client, await revealPhone(trx, this.deps.vault, user));
    });
    if (outcome.kind === 'signed-in') return outcome;
    if (outcome.kind === 'expired') throw badRequest('sign_in_expired', 'This sign-in has expired. Start again with a new text message code.');
    throw badRequest('two_factor_code_invalid', 'That code is not right.', { attemptsLeft: outcome.attemptsLeft });
  }
}
