import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { InlineAlert } from '../../ui/InlineAlert';
import { type Me, useUpdateMe } from '../profile/me-queries';

/** "Personalised For you": off means latest from follows, then trending, with no personal signals. */
export function PersonalisedFeedSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateMe();
  // While saving, show the value being saved rather than flicking back.
  const checked = (update.isPending ? update.variables?.feedPersonalised : undefined) ?? me.feedPersonalised ?? true;
  return (
    <section className="settings__section" aria-labelledby="settings-feed">
      <h2 id="settings-feed" className="settings__heading">
        {t('recommendations.settings.section')}
      </h2>
      <label className="settings__switch">
        <span className="settings__switch-text">
          <span>{t('recommendations.settings.personalised')}</span>
          <span className="muted settings__switch-hint">
            {t(checked ? 'recommendations.settings.personalisedOn' : 'recommendations.settings.personalisedOff')}
          </span>
        </span>
        <input
          type="checkbox"
          role="switch"
          checked={checked}
          disabled={update.isPending}
          onChange={(event) =>
            update.mutate({ feedPersonalised: event.target.checked }, { onSuccess: () => void queryClient.resetQueries({ queryKey: ['feed'] }) })
          }
          data-testid="feed-personalised"
        />
      </label>
      {update.isError ? <InlineAlert>{errorMessage(t, update.error)}</InlineAlert> : null}
    </section>
  );
}
