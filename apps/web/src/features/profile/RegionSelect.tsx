import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryOptions } from '../../lib/countries';
import { SelectField } from '../../ui/SelectField';

interface RegionSelectProps {
  value: string;
  onChange: (region: string) => void;
  error?: string | undefined;
}

export function RegionSelect({ value, onChange, error }: RegionSelectProps) {
  const { t, i18n } = useTranslation();
  const options = useMemo(() => countryOptions(i18n.resolvedLanguage ?? i18n.language), [i18n.resolvedLanguage, i18n.language]);
  const known = options.some((o) => o.code === value);
  return (
    <SelectField
      label={t('onboarding.region')}
      hint={t('onboarding.regionHint')}
      error={error}
      data-testid="region-select"
      name="region"
      value={value}
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
