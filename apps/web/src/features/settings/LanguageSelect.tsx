import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES, toSupportedLanguage } from '../../lib/languages';
import { SelectField } from '../../ui/SelectField';
import { useChangeLanguage } from './use-change-language';

interface LanguageSelectProps {
  hint?: string;
  labelHidden?: boolean;
}

/** The language switcher shown on the sign-in screen and in settings. */
export function LanguageSelect({ hint, labelHidden }: LanguageSelectProps) {
  const { t, i18n } = useTranslation();
  const changeLanguage = useChangeLanguage();
  return (
    <SelectField
      label={t('languages.label')}
      hint={hint}
      labelHidden={labelHidden}
      data-testid="language-select"
      value={toSupportedLanguage(i18n.resolvedLanguage ?? i18n.language)}
      onChange={(event) => {
        if (isLanguage(event.target.value)) changeLanguage(event.target.value);
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
