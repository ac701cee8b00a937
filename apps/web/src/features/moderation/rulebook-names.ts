import type { TFunction } from 'i18next';
import { countryName } from '../../lib/countries';

/**
 * A rulebook in words. Operators name them freely (`default`, `cn`, `eu-minors`); one
 * named like a country code reads as that country ("China (cn)"), `default` as
 * "everywhere else", any other by its name.
 */
export function rulebookName(t: TFunction, name: string, locale: string): string {
  if (name === 'default') return t('rulebooks.default');
  if (/^[a-z]{2}$/.test(name)) {
    const country = countryName(name.toUpperCase(), locale);
    if (country !== name.toUpperCase()) return `${country} (${name})`;
  }
  return name;
}

export function rulebookNames(t: TFunction, names: readonly string[], locale: string): string[] {
  return names.map((name) => rulebookName(t, name, locale));
}
