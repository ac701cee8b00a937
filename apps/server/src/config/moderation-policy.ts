// Rulebooks: what each region's viewers see of a labelled item. One content
// pool is shared by everyone; a rulebook only decides, per label, whether its
// viewers see an item hidden, behind a warning they tap through, only when
// they are adults, or plainly. Operators describe rulebooks in a JSON file
// (MODERATION_POLICY_FILE); without one every country uses DEFAULT_POLICY.

/** The labels every deployment knows; operators may add their own in the policy file. */
export const LABEL_VOCABULARY = [
  'spam',
  'nudity',
  'sexual',
  'graphic-violence',
  'gambling',
  'hate',
  'harassment',
  'self-harm',
  'misinformation',
  'political-ad',
  'medical-claims',
  'ip-infringement',
] as const;

/**
 * Set by a moderator's "restrict in regions" action (always scoped to rulebooks):
 * every rulebook hides it where it applies, whatever the rulebook's lists say.
 */
export const RESTRICTED_LABEL = 'restricted';

export const LABEL_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;
const RULEBOOK_NAME = /^[a-z][a-z0-9-]{0,31}$/;
const COUNTRY = /^[A-Z]{2}$/;

export interface Rulebook {
  name: string;
  /** ISO 3166-1 alpha-2 countries whose viewers use this rulebook (empty for `default`). */
  countries: string[];
  hide: string[];
  warn: string[];
  adult: string[];
}

export interface ModerationPolicy {
  rulebooks: Record<string, Rulebook>;
  /** Every label items may carry here: the vocabulary plus the operator's own. */
  labels: string[];
  /** Which rulebook a country uses (countries not listed use `default`). */
  rulebookOfCountry: Map<string, string>;
}

export class PolicyError extends Error {}

type RulebookInput = Partial<Record<'countries' | 'hide' | 'warn' | 'adult', unknown>>;

const DEFAULT_RULEBOOK: Omit<Rulebook, 'name' | 'countries'> = {
  hide: ['spam'],
  warn: ['graphic-violence', 'self-harm'],
  adult: ['nudity', 'sexual'],
};

export const DEFAULT_POLICY: ModerationPolicy = parseModerationPolicy({ rulebooks: { default: DEFAULT_RULEBOOK } });

function stringList(value: unknown, where: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new PolicyError(`${where} must be a list of strings`);
  return value as string[];
}

/** Validates a policy document and explains the first problem in words an operator can act on. */
export function parseModerationPolicy(input: unknown): ModerationPolicy {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new PolicyError('the policy must be a JSON object with "rulebooks"');
  const { rulebooks: rawBooks, labels: rawLabels, ...unknownKeys } = input as Record<string, unknown>;
  const stray = Object.keys(unknownKeys);
  if (stray.length > 0) throw new PolicyError(`unknown key "${stray[0]}" (allowed: rulebooks, labels)`);
  const custom = stringList(rawLabels, '"labels"');
  for (const label of custom) {
    if (!LABEL_PATTERN.test(label)) throw new PolicyError(`label "${label}" must be lowercase letters, digits and dashes (2 to 40, starting with a letter)`);
    if (label === RESTRICTED_LABEL) throw new PolicyError(`"${RESTRICTED_LABEL}" is reserved for moderators' region restrictions`);
  }
  const labels = [...new Set([...LABEL_VOCABULARY, ...custom])];
  if (typeof rawBooks !== 'object' || rawBooks === null || Array.isArray(rawBooks)) throw new PolicyError('"rulebooks" must be an object of rulebooks by name');

  const rulebooks: Record<string, Rulebook> = {};
  const rulebookOfCountry = new Map<string, string>();
  for (const [name, raw] of Object.entries(rawBooks as Record<string, unknown>)) {
    const where = `rulebook "${name}"`;
    if (!RULEBOOK_NAME.test(name)) throw new PolicyError(`${where}: a name is lowercase letters, digits and dashes, starting with a letter`);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new PolicyError(`${where} must be an object`);
    const { countries: rawCountries, hide, warn, adult, ...rest } = raw as RulebookInput & Record<string, unknown>;
    const extra = Object.keys(rest);
    if (extra.length > 0) throw new PolicyError(`${where}: unknown key "${extra[0]}" (allowed: countries, hide, warn, adult)`);
    const countries = stringList(rawCountries, `${where}: "countries"`);
    if (name === 'default' && countries.length > 0)
      throw new PolicyError('rulebook "default" takes every country no other rulebook lists; it has no "countries"');
    if (name !== 'default' && countries.length === 0) throw new PolicyError(`${where}: "countries" lists the ISO 3166 codes of its viewers, e.g. ["CN"]`);
    for (const country of countries) {
      if (!COUNTRY.test(country)) throw new PolicyError(`${where}: "${country}" is not an ISO 3166-1 alpha-2 code such as "CN"`);
      const other = rulebookOfCountry.get(country);
      if (other) throw new PolicyError(`${country} is in both rulebook "${other}" and rulebook "${name}"`);
      rulebookOfCountry.set(country, name);
    }
    const lists = { hide: stringList(hide, `${where}: "hide"`), warn: stringList(warn, `${where}: "warn"`), adult: stringList(adult, `${where}: "adult"`) };
    const seen = new Map<string, string>();
    for (const [list, values] of Object.entries(lists)) {
      for (const label of values) {
        if (!labels.includes(label)) throw new PolicyError(`${where}: unknown label "${label}" in "${list}" (add it to "labels" to define it)`);
        const before = seen.get(label);
        if (before) throw new PolicyError(`${where}: label "${label}" is in both "${before}" and "${list}"`);
        seen.set(label, list);
      }
    }
    rulebooks[name] = { name, countries, ...lists };
  }
  if (!rulebooks.default) throw new PolicyError('"rulebooks" needs a "default" rulebook for every country no other rulebook lists');
  return { rulebooks, labels, rulebookOfCountry };
}

/** The rulebook of a viewer in `country` (ISO alpha-2, any case), or of nowhere in particular. */
export function rulebookFor(policy: ModerationPolicy, country: string | null | undefined): Rulebook {
  const name = country ? policy.rulebookOfCountry.get(country.toUpperCase()) : undefined;
  return policy.rulebooks[name ?? 'default']!;
}
