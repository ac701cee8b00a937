import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryOptions } from '../../lib/countries';
import { SelectField } from '../../ui/SelectField';

interface RegionSelectProps {
  value: string;
  onChange: (region: string) => void;
  error?: string | undefined;
  /** Defaults to the profile's "Region" wording; the report sheet asks "In which country?". */
  label?: string;
  hint?: string;
  testId?: string;
  disabled?: boolean;
}

/** A country picker, names in the UI language. */
export function RegionSelect({ value, onChange, error, label, hint, testId = 'region-select', disabled }: RegionSelectProps) {
  const { t, i18n } = useTranslation();
  const options = useMemo(() => countryOptions(i18n.resolvedLanguage ?? i18n.language), [i18n.resolvedLanguage, i18n.language]);
  const known = options.some((o) => o.code === value);
  return (
    <SelectField
      label={label ?? t('onboarding.region')}
      hint={hint ?? t('onboarding.regionHint')}
      error={error}
      data-testid={testId}
      name="region"
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value)}
    >
      {known ? null : <option value={value}>{value}</option>}
      {options.map((o) => (
        <option key={o.code} value={o.code}>
          {`${o.name} ${o.flag}`}
        </option>
      ))}
    </SelectField>
  );
}
