import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { InlineAlert } from '../../ui/InlineAlert';
import type { Me } from '../profile/me-queries';
import { CONTENT_LANGUAGES, languageName, nativeLanguageName, viewerReadLanguages } from '../translation/translation-rules';
import { useUpdateReadingSettings } from './reading-settings-queries';
import './content-languages.css';

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

  const toggle = (code: string) => {
    const next = reads.includes(code) ? reads.filter((c) => c !== code) : [...reads, code];
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
      <fieldset className="content-languages">
        <legend className="content-languages__legend">{t('translation.settings.readLabel')}</legend>
        <p className="muted content-languages__hint">{t('translation.settings.readHint')}</p>
        <ul className="content-languages__chips">
          {options.map((code) => (
            <li key={code}>
              <button
                type="button"
                className="content-languages__chip"
                aria-pressed={reads.includes(code)}
                title={languageName(code, locale)}
                onClick={() => toggle(code)}
                data-testid="read-language"
                data-language={code}
              >
                <span lang={code}>{nativeLanguageName(code)}</span>
              </button>
            </li>
          ))}
        </ul>
      </fieldset>
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
