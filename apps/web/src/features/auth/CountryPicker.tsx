import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryCode } from 'libphonenumber-js';
import { countryOptions, filterCountries, isCountryCode } from '../../lib/countries';
import { SelectField } from '../../ui/SelectField';
import '../../ui/field.css';

interface CountryPickerProps {
  value: CountryCode;
  onChange: (country: CountryCode) => void;
}

/**
 * Every calling-code country in a native select (reliable on phones and with screen
 * readers), with a search box that narrows the list by name, ISO code or +code.
 */
export function CountryPicker({ value, onChange }: CountryPickerProps) {
  const { t, i18n } = useTranslation();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const all = useMemo(() => countryOptions(i18n.resolvedLanguage ?? i18n.language), [i18n.resolvedLanguage, i18n.language]);
  const matches = useMemo(() => filterCountries(all, query), [all, query]);
  // The selected country stays in the list so the select never shows a value it lacks.
  const shown = matches.some((o) => o.code === value) ? matches : [...all.filter((o) => o.code === value), ...matches];

  const search = (text: string) => {
    setQuery(text);
    const found = filterCountries(all, text);
    const exactIso = found.find((o) => o.code.toLowerCase() === text.trim().toLowerCase());
    const pick = found.length === 1 ? found[0] : exactIso;
    if (pick && pick.code !== value) onChange(pick.code);
  };

  return (
    <div className="stack country-picker" style={{ gap: 8 }}>
      <SelectField
        label={t('auth.country')}
        data-testid="country-select"
        name="country"
        autoComplete="country"
        value={value}
        onChange={(event) => {
          if (isCountryCode(event.target.value)) onChange(event.target.value);
        }}
      >
        {/* Name first, so typing a letter on the closed select jumps to that country. */}
        {shown.map((o) => (
          <option key={o.code} value={o.code}>
            {t('auth.countryOption', { flag: o.flag, name: o.name, code: o.callingCode })}
          </option>
        ))}
      </SelectField>
      <div className="field">
        <label htmlFor={searchId} className="visually-hidden">
          {t('auth.countrySearch')}
        </label>
        <input
          id={searchId}
          type="search"
          className="field__control country-picker__search"
          data-testid="country-search"
          placeholder={t('auth.countrySearch')}
          title={t('auth.countrySearchHint')}
          value={query}
          autoComplete="off"
          onChange={(event) => search(event.target.value)}
          onKeyDown={(event) => {
            const first = matches[0];
            if (event.key === 'Enter' && first) {
              event.preventDefault();
              onChange(first.code);
            }
          }}
        />
        {query && matches.length === 0 ? (
          <p className="field__hint field__hint--error" role="status">
            {t('auth.countryNoMatch', { query })}
          </p>
        ) : null}
      </div>
    </div>
  );
}
