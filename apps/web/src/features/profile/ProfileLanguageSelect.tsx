import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES, type Language } from '../../lib/languages';
import { SelectField } from '../../ui/SelectField';

interface ProfileLanguageSelectProps {
  value: Language;
  onChange: (language: Language) => void;
}

/** The account's language as a form field (applied on save, unlike the instant switcher). */
export function ProfileLanguageSelect({ value, onChange }: ProfileLanguageSelectProps) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('onboarding.language')}
      data-testid="profile-language-select"
      name="language"
      value={value}
      onChange={(event) => {
        if (isLanguage(event.target.value)) onChange(event.target.value);
      }}
    >
      {LANGUAGES.map((language) => (
        <option key={language} value={language} lang={language}>
          {t(`languages.${language}`)}
        </option>
      ))}
    </SelectField>
  );
}
