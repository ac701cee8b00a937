import { useTranslation } from 'react-i18next';
import { QueryError } from '../../ui/QueryError';
import { Skeleton } from '../../ui/Skeleton';
import { providerBrand } from '../translation/translation-rules';
import { type TranslationProviderStatus, useTranslationStatus } from './translation-admin-queries';
import { AdminSection } from './AdminSection';

/** The environment a newcomer sets; code, so never translated. */
const SETUPS = [
  { key: 'setupLibre', env: 'LIBRETRANSLATE_URL=http://localhost:5000' },
  { key: 'setupOpenai', env: 'OPENAI_BASE_URL=http://localhost:11434/v1\nOPENAI_MODEL=qwen2.5:7b' },
  { key: 'setupDeepl', env: 'DEEPL_API_KEY=…' },
] as const;

/** Whether translation works, each provider's circuit, and how to set one up. */
export function TranslationStatusSection() {
  const { t } = useTranslation();
  const status = useTranslationStatus();

  let body;
  if (status.isPending) {
    body = <Skeleton height={96} radius={12} />;
  } else if (status.isError) {
    body = <QueryError error={status.error} onRetry={() => void status.refetch()} />;
  } else {
    const { enabled, providers } = status.data;
    const configured = providers.filter((provider) => provider.configured);
    body = (
      <>
        <p className={enabled ? 'admin__status admin__status--ok' : 'admin__status admin__status--off'} data-testid="admin-translation-enabled">
          <span className="admin__dot" aria-hidden="true" />
          {t(enabled ? 'translation.admin.enabled' : 'translation.admin.disabled')}
        </p>
        {configured.length > 0 ? (
          <>
            <h3 className="admin__subheading">{t('translation.admin.providersLabel')}</h3>
            <ol className="admin__providers">
              {configured.map((provider) => (
                <ProviderRow key={provider.name} provider={provider} />
              ))}
            </ol>
          </>
        ) : null}
        {configured.length === 0 ? (
          <SetupHelp withHeading />
        ) : (
          <details className="admin__details">
            <summary>{t('translation.admin.setupTitle')}</summary>
            <SetupHelp />
          </details>
        )}
      </>
    );
  }

  return (
    <AdminSection id="admin-translation" heading={t('translation.admin.heading')}>
      {body}
    </AdminSection>
  );
}

function ProviderRow({ provider }: { provider: TranslationProviderStatus }) {
  const { t } = useTranslation();
  const name = providerBrand(provider.name) ?? t('translation.admin.openaiName');
  return (
    <li className="admin__provider" data-testid="admin-provider" data-provider={provider.name}>
      <div className="admin__provider-head">
        <span className="admin__provider-name">{name}</span>
        <span className={`admin__state admin__state--${provider.state}`}>{t(`translation.admin.state.${provider.state}`)}</span>
      </div>
      {provider.failures > 0 ? <p className="muted admin__meta">{t('translation.admin.failures', { count: provider.failures })}</p> : null}
      {provider.lastError ? <p className="muted admin__meta admin__error">{t('translation.admin.lastError', { error: provider.lastError })}</p> : null}
    </li>
  );
}

function SetupHelp({ withHeading = false }: { withHeading?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="admin__setup" data-testid="admin-translation-setup">
      {withHeading ? <h3 className="admin__subheading">{t('translation.admin.setupTitle')}</h3> : null}
      <p>{t('translation.admin.setupIntro')}</p>
      <ul className="admin__setup-list">
        {SETUPS.map((setup) => (
          <li key={setup.key}>
            <p>{t(`translation.admin.${setup.key}`)}</p>
            <pre className="admin__code">
              <code>{setup.env}</code>
            </pre>
          </li>
        ))}
      </ul>
      <p className="muted">{t('translation.admin.setupOrder', { variable: 'TRANSLATE_PROVIDERS' })}</p>
    </div>
  );
}
