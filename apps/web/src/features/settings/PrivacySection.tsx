import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { InlineAlert } from '../../ui/InlineAlert';
import { useUpdateMe, type Me } from '../profile/me-queries';

type PrivacyField = 'likesPrivate' | 'collectsPrivate' | 'discoverableByPhone';
const FIELDS: readonly PrivacyField[] = ['likesPrivate', 'collectsPrivate', 'discoverableByPhone'];
/** What each switch is when the server has not said (older servers). */
const DEFAULTS: Record<PrivacyField, boolean> = { likesPrivate: false, collectsPrivate: false, discoverableByPhone: true };

/** Who can see what I liked and collected, and who can find me by my number: switches saved as soon as they change; the privacy centre below. */
export function PrivacySection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const update = useUpdateMe();
  return (
    <section className="settings__section" aria-labelledby="settings-privacy">
      <h2 id="settings-privacy" className="settings__heading">
        {t('settings.privacySection')}
      </h2>
      {FIELDS.map((field) => {
        // While saving, show the value being saved rather than flicking back.
        const pending = update.isPending ? update.variables?.[field] : undefined;
        const checked = pending ?? me[field] ?? DEFAULTS[field];
        return (
          <label key={field} className="settings__switch">
            <span className="settings__switch-text">
              <span>{t(`settings.${field}`)}</span>
              <span className="muted settings__switch-hint">{t(`settings.${field}Hint`)}</span>
            </span>
            <input
              type="checkbox"
              role="switch"
              checked={checked}
              aria-checked={checked}
              disabled={update.isPending}
              onChange={(event) => update.mutate({ [field]: event.target.checked })}
              data-testid={`privacy-${field}`}
            />
          </label>
        );
      })}
      {update.isError ? <InlineAlert>{errorMessage(t, update.error)}</InlineAlert> : null}
      <Link to="/me/privacy" className="settings__admin-link" data-testid="settings-privacy-centre-link">
        {t('privacy.title')}
        <span className="muted">{t('privacy.linkHint')}</span>
      </Link>
    </section>
  );
}
