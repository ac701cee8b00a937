import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { InlineAlert } from '../../ui/InlineAlert';
import type { Me } from '../profile/me-queries';
import { CONTENT_LANGUAGES, languageName, nativeLanguageName, viewerReadLanguages } from '../translation/translation-rules';
import { useUpdateReadingSettings } from './reading-settings-queries';
import { ChipToggleGroup } from '../../ui/ChipToggleGroup';

type Switch = 'autoTranslate' | 'feedLanguagesOnly';
/** The server's limit on languages one reads. */
const MAX_READ_LANGUAGES = 10;
const SWITCHES: readonly Switch[] = ['autoTranslate', 'feedLanguagesOnly'];

/** Languages I read (the Translate button appears for the others), and two switches. */
export function ContentLanguagesSection({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const update = useUpdateReadingSettings();
  const [limit, setLimit] = useState<'atLeastOne' | 'atMost' | null>(null);
  // An account from before this setting reads its interface language.
  const reads = me.readLanguages?.length ? me.readLanguages : viewerReadLanguages([], locale);
  const options = [...CONTENT_LANGUAGES, ...reads.filter((code) => !(CONTENT_LANGUAGES as readonly string[]).includes(code))];

  const choose = (next: string[]) => {
    const broken = next.length === 0 ? 'atLeastOne' : next.length > MAX_READ_LANGUAGES ? 'atMost' : null;
    setLimit(broken);
    if (broken) return;
    update.mutate({ readLanguages: next });
  };

  return (
    <section className="settings__section" aria-labelledby="settings-content-languages">
      <h2 id="settings-content-languages" className="settings__heading">
        {t('translation.settings.section')}
      </h2>
      <ChipToggleGroup
        legend={t('translation.settings.readLabel')}
        hint={t('translation.settings.readHint')}
        options={options.map((code) => ({ value: code, label: nativeLanguageName(code), lang: code, title: languageName(code, locale) }))}
        selected={reads}
        onChange={choose}
        testId="read-languages"
      />
      {limit ? <InlineAlert tone="info">{t(`translation.settings.${limit}`, { count: MAX_READ_LANGUAGES })}</InlineAlert> : null}
      {SWITCHES.map((field) => (
        <label key={field} className="settings__switch">
          <span className="settings__switch-text">
            <span>{t(`translation.settings.${field}`)}</span>
            <span className="muted settings__switch-hint">{t(`translation.settings.${field}Hint`)}</span>
          </span>
          <input
            type="checkbox"
            role="switch"
            checked={me[field] ?? false}
            onChange={(event) => update.mutate({ [field]: event.target.checked })}
            data-testid={`setting-${field}`}
          />
        </label>
      ))}
      {update.isError ? <InlineAlert>{errorMessage(t, update.error)}</InlineAlert> : null}
    </section>
  );
}
