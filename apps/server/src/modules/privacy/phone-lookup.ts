import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { presentUserSummary, type UserSummary } from '../../kernel/user-summary.js';
import type { SignedInContext } from '../../kernel/viewer-context.js';
import { decideProfile } from '../../kernel/visibility.js';
import type { PersonalDataVault } from '../../kernel/vault/personal-data-vault.js';
import { tooManyRequests } from '../../lib/errors.js';
import { phoneIndex } from '../accounts/phone-vault.js';

// "Find people I know by their numbers", made safe against enumeration: only
// accounts that allow it, never across a block either way, never suspended or
// banned ones, and a daily budget of numbers per person. The answer lists matches
// only, so a number whose owner opted out looks exactly like one with no account.

export interface PhoneMatch {
  phone: string;
  user: UserSummary;
}

const DAY_MS = 86_400_000;

function e164Of(input: string, country: CountryCode | undefined): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), country);
  return parsed?.isValid() ? parsed.number : null;
}

/** Spends `count` of today's look-ups, or throws 429 (nothing spent) when they would pass the cap. */
async function spendLookups(db: Db, userId: string, count: number, perDay: number, now: Date): Promise<void> {
  const day = now.toISOString().slice(0, 10);
  const { rows } = await sql<{ used: number }>`
    insert into phone_lookup_budgets (user_id, day, used) select ${userId}::bigint, ${day}::date, ${count}::int where ${count}::int <= ${perDay}::int
    on conflict (user_id, day) do update set used = phone_lookup_budgets.used + ${count}::int
      where phone_lookup_budgets.used + ${count}::int <= ${perDay}::int
    returning used`.execute(db);
  if (rows.length === 0) {
    const retryAfter = Math.ceil((Math.floor(now.getTime() / DAY_MS + 1) * DAY_MS - now.getTime()) / 1000);
    throw tooManyRequests('lookup_limit_reached', `You can look up ${perDay} numbers a day. Try again tomorrow.`, retryAfter);
  }
}

export async function lookupByPhone(
  db: Db,
  vault: PersonalDataVault,
  context: SignedInContext,
  input: { phones: string[]; country?: string; perDay: number; now: Date },
): Promise<PhoneMatch[]> {
  const country = input.country && isSupportedCountry(input.country.toUpperCase()) ? (input.country.toUpperCase() as CountryCode) : undefined;
  const distinct = [...new Set(input.phones.map((phone) => phone.trim()))];
  // Every distinct entry counts, valid or not: the budget bounds what one person can probe.
  await spendLookups(db, context.viewerId, distinct.length, input.perDay, input.now);
  const byIndex = new Map<string, string>();
  for (const raw of distinct) {
    const e164 = e164Of(raw, country);
    if (e164) byIndex.set(phoneIndex(vault, e164).toString('hex'), e164);
  }
  if (byIndex.size === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select(['id', 'handle', 'display_name', 'bio', 'region', 'labels', 'status', 'phone_index'])
    .where(
      'phone_index',
      'in',
      [...byIndex.keys()].map((hex) => Buffer.from(hex, 'hex')),
    )
    .where('discoverable_by_phone', '=', true)
    .where('status', '=', 'active')
    .where('handle', 'is not', null)
    .where('id', '<>', context.viewerId)
    .execute();
  return rows
    .filter((row) => !context.blocked.has(row.id) && !context.blockedBy.has(row.id) && decideProfile(row, context).visible)
    .map((row) => ({ phone: byIndex.get(row.phone_index!.toString('hex'))!, user: presentUserSummary(row) }))
    .sort((a, b) => a.phone.localeCompare(b.phone));
}
