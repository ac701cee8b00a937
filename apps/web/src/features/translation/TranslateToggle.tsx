import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { isApiError } from '../../lib/api-error';
import { useInView } from '../../ui/use-in-view';
import { languageName, providerBrand } from './translation-rules';
import type { ContentTranslationState } from './use-content-translation';
import './translation.css';

interface TranslateToggleProps {
  state: ContentTranslationState;
  className?: string;
}

/**
 * "Translate" under a text, "See original" once translated, with who translated it.
 * Never throws and never hides the original: a failure is one line of grey text.
 */
export function TranslateToggle({ state, className }: TranslateToggleProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  // Automatic translation waits until the text is near the screen: a long comment
  // thread must not spend the viewer's translation allowance on what nobody reads.
  const ref = useInView<HTMLDivElement>(state.translate, state.auto, '200px');
  if (!state.offered) return null;
  const classes = ['translate-toggle', className].filter(Boolean).join(' ');

  if (state.translation) {
    const { sourceLanguage, provider } = state.translation;
    const by = providerBrand(provider) ?? t('translation.providerAi');
    const attribution = sourceLanguage
      ? t('translation.translatedFrom', { language: languageName(sourceLanguage, locale), provider: by })
      : t('translation.translatedBy', { provider: by });
    return (
      <div ref={ref} className={classes} data-testid="translate-toggle" data-state="translated">
        <span className="translate-toggle__attribution" data-testid="translate-attribution">
          {attribution}
        </span>
        <button type="button" className="translate-toggle__button" onClick={state.showOriginal} data-testid="translate-see-original">
          {t('translation.seeOriginal')}
        </button>
      </div>
    );
  }

  if (state.loading) {
    return (
      <div ref={ref} className={classes} data-testid="translate-toggle" data-state="loading">
        <span className="translate-toggle__status" role="status">
          <span className="translate-toggle__spinner" aria-hidden="true" />
          {t('translation.translating')}
        </span>
      </div>
    );
  }

  const failure = state.error ? (isApiError(state.error, 'translation_rate_limited') ? errorMessage(t, state.error) : t('translation.failed')) : null;
  return (
    <div ref={ref} className={classes} data-testid="translate-toggle" data-state={failure ? 'failed' : 'original'}>
      <button type="button" className="translate-toggle__button" onClick={state.translate} data-testid="translate-button">
        {t('translation.translate')}
      </button>
      {failure ? (
        <span className="translate-toggle__error" role="alert" data-testid="translate-error">
          {failure}
        </span>
      ) : null}
    </div>
  );
}
