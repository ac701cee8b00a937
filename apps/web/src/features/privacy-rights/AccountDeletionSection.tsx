import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../lib/error-message';
import { formatDate } from '../../lib/format-date';
import { Button } from '../../ui/Button';
import { InlineAlert } from '../../ui/InlineAlert';
import { TextField } from '../../ui/TextField';
import { showToast } from '../../ui/toast-store';
import { useCancelDeletion, useConfirmDeletion, useDeletionState, useSendDeletionCode } from './privacy-rights-queries';

/**
 * "Delete my account": a code by SMS confirms it; the account is hidden and
 * signed out at once and erased after 30 days, unless the person signs in again.
 */
export function AccountDeletionSection() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const navigate = useNavigate();
  const state = useDeletionState();
  const sendCode = useSendDeletionCode();
  const confirm = useConfirmDeletion();
  const cancel = useCancelDeletion();
  const [code, setCode] = useState('');
  // Once a code went out the form stays, even while a resend is pending or refused.
  const [sentOnce, setSentOnce] = useState(false);
  const send = () => sendCode.mutate(undefined, { onSuccess: () => setSentOnce(true) });

  const scheduled = state.data?.scheduled && state.data.eraseAfter ? state.data.eraseAfter : null;
  return (
    <section className="settings__section" aria-labelledby="settings-delete" data-testid="account-deletion">
      <h2 id="settings-delete" className="settings__heading">
        {t('privacyRights.deletion.title')}
      </h2>
      {scheduled ? (
        <>
          <InlineAlert tone="info" testId="deletion-scheduled">
            {t('privacyRights.deletion.scheduled', { date: formatDate(scheduled, locale) })}
          </InlineAlert>
          {cancel.isError ? <InlineAlert>{errorMessage(t, cancel.error)}</InlineAlert> : null}
          <Button variant="secondary" block disabled={cancel.isPending} onClick={() => cancel.mutate()} data-testid="deletion-cancel">
            {t('privacyRights.deletion.cancel')}
          </Button>
        </>
      ) : (
        <>
          <p className="muted">{t('privacyRights.deletion.hint')}</p>
          {sentOnce ? (
            <form
              className="privacy-rights__confirm"
              onSubmit={(event) => {
                event.preventDefault();
                confirm.mutate(code, {
                  onSuccess: (result) => {
                    showToast(t('privacyRights.deletion.done', { date: formatDate(result.eraseAfter ?? '', locale) }), 'info', 10_000);
                    void navigate('/', { replace: true });
                  },
                });
              }}
            >
              <TextField
                label={t('privacyRights.deletion.codeLabel')}
                hint={t('privacyRights.deletion.codeHint')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={code}
                onChange={(event) => setCode(event.target.value.replace(/\D/g, ''))}
                error={confirm.isError ? errorMessage(t, confirm.error) : undefined}
                data-testid="deletion-code"
              />
              <Button type="submit" variant="danger" block disabled={code.length !== 6 || confirm.isPending} data-testid="deletion-confirm">
                {t('privacyRights.deletion.confirm')}
              </Button>
              {sendCode.isError ? <InlineAlert>{errorMessage(t, sendCode.error)}</InlineAlert> : null}
              <Button variant="ghost" block disabled={sendCode.isPending} onClick={send} data-testid="deletion-resend-code">
                {t('auth.resend')}
              </Button>
            </form>
          ) : (
            <>
              {sendCode.isError ? <InlineAlert>{errorMessage(t, sendCode.error)}</InlineAlert> : null}
              <Button variant="danger" block disabled={sendCode.isPending} onClick={send} data-testid="deletion-send-code">
                {t('privacyRights.deletion.sendCode')}
              </Button>
            </>
          )}
        </>
      )}
    </section>
  );
}
