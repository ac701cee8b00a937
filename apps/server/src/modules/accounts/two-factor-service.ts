import { randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import type { Db } from '../../db/database.js';
import type { UserRow } from '../../db/tables/users.js';
import type { PersonalDataVault } from '../../kernel/vault/personal-data-vault.js';
import { badRequest, conflict } from '../../lib/errors.js';
import { hmac } from '../../lib/tokens.js';
import { base32Encode, matchTotp, newTotpSecret, otpauthUrl } from '../../lib/totp.js';
import {
  claimTotpStep,
  countRecoveryCodesLeft,
  deleteTotp,
  findTotp,
  hasConfirmedTotp,
  replaceRecoveryCodes,
  upsertPendingTotp,
  useRecoveryCode,
} from './two-factor-queries.js';

const PURPOSE = 'totp-secret';
const RECOVERY_CODES = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** `abcde-fghij`: 10 characters of an unambiguous alphabet (about 49 bits). */
function newRecoveryCode(): string {
  let out = '';
  for (let i = 0; i < 10; i += 1) out += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** Optional authenticator-app second factor: enrol, confirm, check, disable. */
export class TwoFactorService {
  constructor(private readonly deps: { db: Db; vault: PersonalDataVault; secretKey: string; issuer: string }) {}

  /**
   * The seed is sealed under the person's own data key, like their phone number:
   * erasing the account destroys the key, and with it every copy of the seed.
   */
  private async sealSecret(db: Db, userId: string, secret: Buffer, now: Date): Promise<Buffer> {
    const dataKey = await this.deps.vault.ensureDataKey(db, userId, now);
    return this.deps.vault.seal(dataKey, userId, PURPOSE, secret.toString('base64'));
  }

  private async openSecret(db: Db, userId: string, sealed: Buffer): Promise<Buffer | null> {
    const text = await this.deps.vault.openField(db, userId, PURPOSE, sealed);
    return text === null ? null : Buffer.from(text, 'base64');
  }

  private hashRecovery(userId: string, code: string): Buffer {
    return hmac(this.deps.secretKey, `recovery:${userId}:${code.replace(/[\s-]/g, '').toLowerCase()}`);
  }

  async status(userId: string) {
    const row = await findTotp(this.deps.db, userId);
    const enabled = Boolean(row?.confirmed_at);
    return { enabled, recoveryCodesLeft: enabled ? await countRecoveryCodesLeft(this.deps.db, userId) : 0 };
  }

  isEnabled(db: Db, userId: string): Promise<boolean> {
    return hasConfirmedTotp(db, userId);
  }

  /** A new seed, shown once as a QR code and as text; nothing changes for sign-in until it is confirmed. */
  async beginSetup(user: UserRow, now: Date) {
    const secret = newTotpSecret();
    const stored = await upsertPendingTotp(this.deps.db, user.id, await this.sealSecret(this.deps.db, user.id, secret, now), now);
    if (!stored) throw conflict('two_factor_already_enabled', 'Two-factor authentication is already on. Turn it off first to set it up again.');
    const url = otpauthUrl({ issuer: this.deps.issuer, account: user.handle ?? user.id, secret });
    const qrSvg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return { secret: base32Encode(secret), otpauthUrl: url, qrSvg };
  }

  /** The first code proves the app holds the seed; the recovery codes are returned this once. */
  async confirmSetup(user: UserRow, code: string, now: Date): Promise<string[]> {
    return this.deps.db.transaction().execute(async (trx) => {
      const row = await findTotp(trx, user.id);
      if (!row) throw badRequest('two_factor_not_started', 'Start two-factor setup first.');
      if (row.confirmed_at) throw conflict('two_factor_already_enabled', 'Two-factor authentication is already on.');
      const secret = await this.openSecret(trx, user.id, row.secret_sealed);
      const step = secret && matchTotp(secret, code, now);
      if (step === null || !(await claimTotpStep(trx, user.id, step, now))) {
        throw badRequest('two_factor_code_invalid', 'That code is not right. Check the time on your phone and try the newest code.');
      }
      const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
      await replaceRecoveryCodes(
        trx,
        user.id,
        codes.map((c) => this.hashRecovery(user.id, c)),
      );
      return codes;
    });
  }

  /**
   * A current authenticator code (each 30-second step once) or an unused recovery code.
   * Call inside the transaction of what it unlocks.
   */
  async checkCode(db: Db, userId: string, code: string, now: Date): Promise<boolean> {
    const row = await findTotp(db, userId);
    if (!row?.confirmed_at) return false;
    const trimmed = code.replace(/\s/g, '');
    if (/^\d{6}$/.test(trimmed)) {
      const secret = await this.openSecret(db, userId, row.secret_sealed);
      const step = secret && matchTotp(secret, trimmed, now);
      return step !== null && step !== undefined && claimTotpStep(db, userId, step);
    }
    return useRecoveryCode(db, userId, this.hashRecovery(userId, trimmed), now);
  }

  async disable(user: UserRow, code: string, now: Date): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      if (!(await hasConfirmedTotp(trx, user.id))) throw badRequest('two_factor_not_enabled', 'Two-factor authentication is not on.');
      if (!(await this.checkCode(trx, user.id, code, now))) throw badRequest('two_factor_code_invalid', 'That code is not right.');
      await deleteTotp(trx, user.id);
    });
  }
}
