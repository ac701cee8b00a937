import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { InlineAlert } from '../../ui/InlineAlert';
import { SelectField } from '../../ui/SelectField';
import { Skeleton } from '../../ui/Skeleton';
import { showToast } from '../../ui/toast-store';
import { AUDIENCES, type Audience, type PrivacyControls, useClearWatchHistory, usePrivacyControls, useUpdatePrivacyControls } from './privacy-queries';

type Switch = 'private' | 'noindex';
type Choice = 'commentPermission' | 'mentionPermission';

/** Settings → Privacy controls: private account, who may comment or mention me, noindex, clear my watch history. */
export function PrivacyControlsSection() {
  const { t } = useTranslation();
  const controls = usePrivacyControls();
  const update = useUpdatePrivacyControls();
  const clear = useClearWatchHistory();
  const [confirming, setConfirming] = useState(false);
  const data = controls.data;
  // While saving, show the value being saved rather than flicking back.
  const value = <K extends Switch | Choice>(field: K): PrivacyControls[K] | undefined =>
    (update.isPending ? (update.variables?.[field] as PrivacyControls[K] | undefined) : undefined) ?? data?.[field];

  return (
    <section className="settings__section" aria-labelledby="settings-privacy-controls" data-testid="privacy-controls">
      <h2 id="settings-privacy-controls" className="settings__heading">
        {t('privacyControls.section')}
      </h2>
      {controls.isPending ? (
        <Skeleton height={64} radius={12} />
      ) : controls.isError ? (
        <InlineAlert>{errorMessage(t, controls.error)}</InlineAlert>
      ) : (
        <>
          {(['private', 'noindex'] as const).map((field) => (
            <label key={field} className="settings__switch">
              <span className="settings__switch-text">
                <span>{t(`privacyControls.${field}`)}</span>
                <span className="muted settings__switch-hint">{t(`privacyControls.${field}Hint`)}</span>
              </span>
              <input
                type="checkbox"
                role="switch"
                aria-checked={value(field) ?? false}
                checked={value(field) ?? false}
                disabled={update.isPending}
                onChange={(event) => update.mutate({ [field]: event.target.checked })}
                data-testid={`privacy-controls-${field}`}
              />
            </label>
          ))}
          {data && (data.private || data.pendingRequests > 0) ? (
            <Link to="/me/follow-requests" className="settings__admin-link" data-testid="follow-requests-link">
              {t('privacyControls.requests.link', { count: data.pendingRequests })}
              <span className="muted">{t('privacyControls.requests.linkHint')}</span>
            </Link>
          ) : null}
          {(['commentPermission', 'mentionPermission'] as const).map((field) => (
            <SelectField
              key={field}
              label={t(`privacyControls.${field}`)}
              value={value(field) ?? 'everyone'}
              disabled={update.isPending}
              onChange={(event) => update.mutate({ [field]: event.target.value as Audience })}
              data-testid={`privacy-controls-${field}`}
            >
              {AUDIENCES.map((audience) => (
                <option key={audience} value={audience}>
                  {t(`privacyControls.audience.${audience}`)}
                </option>
              ))}
            </SelectField>
          ))}
          {update.isError ? <InlineAlert>{errorMessage(t, update.error)}</InlineAlert> : null}
        </>
      )}
      <div className="settings__switch-text">
        <span>{t('privacyControls.watchHistory.title')}</span>
        <span className="muted settings__switch-hint">{t('privacyControls.watchHistory.hint')}</span>
      </div>
      <Button variant="secondary" block onClick={() => setConfirming(true)} disabled={clear.isPending} data-testid="clear-watch-history">
        {t('privacyControls.watchHistory.button')}
      </Button>
      {clear.isError ? <InlineAlert>{errorMessage(t, clear.error)}</InlineAlert> : null}
      <ConfirmDialog
        open={confirming}
        title={t('privacyControls.watchHistory.confirmTitle')}
        body={t('privacyControls.watchHistory.confirmBody')}
        confirmLabel={t('privacyControls.watchHistory.confirm')}
        busy={clear.isPending}
        testId="clear-watch-history-confirm"
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          clear.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              showToast(t('privacyControls.watchHistory.done'));
            },
            onError: () => setConfirming(false),
          })
        }
      />
    </section>
  );
}
