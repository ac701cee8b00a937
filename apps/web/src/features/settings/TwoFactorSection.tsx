import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { Button } from '../../ui/Button';
import { InlineAlert } from '../../ui/InlineAlert';
import { QueryError } from '../../ui/QueryError';
import { Skeleton } from '../../ui/Skeleton';
import { TextField } from '../../ui/TextField';
import { useConfirmTwoFactor, useDisableTwoFactor, useStartTwoFactorSetup, useTwoFactorStatus } from './two-factor-queries';

/** Settings: turn an authenticator app on (QR code, first code, recovery codes shown once) or off (a current code). */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const status = useTwoFactorStatus();
  const start = useStartTwoFactorSetup();
  const confirm = useConfirmTwoFactor();
  const disable = useDisableTwoFactor();
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  let body: React.ReactNode;
  if (status.isPending) body = <Skeleton width="60%" height={20} />;
  else if (status.isError) body = <QueryError error={status.error} onRetry={() => void status.refetch()} />;
  else if (recoveryCodes) {
    body = (
      <div className="stack">
        <InlineAlert tone="success">{t('twoFactor.enabled')}</InlineAlert>
        <p>{t('twoFactor.recoveryIntro')}</p>
        <ul className="two-factor__codes" data-testid="recovery-codes">
          {recoveryCodes.map((recovery) => (
            <li key={recovery}>
              <code>{recovery}</code>
            </li>
          ))}
        </ul>
        <Button variant="secondary" onClick={() => setRecoveryCodes(null)} data-testid="recovery-codes-done">
          {t('twoFactor.savedCodes')}
        </Button>
      </div>
    );
  } else if (status.data.enabled) {
    body = (
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          disable.mutate(code.trim(), { onSuccess: () => setCode('') });
        }}
      >
        <p data-testid="two-factor-on">{t('twoFactor.on', { count: status.data.recoveryCodesLeft })}</p>
        <TextField
          label={t('twoFactor.disableCodeLabel')}
          data-testid="two-factor-disable-code"
          autoComplete="one-time-code"
          maxLength={11}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={disable.isError ? errorMessage(t, disable.error) : undefined}
        />
        <Button type="submit" variant="secondary" disabled={code.trim().length < 6 || disable.isPending} data-testid="two-factor-disable">
          {t('twoFactor.disable')}
        </Button>
      </form>
    );
  } else if (start.data) {
    const setup = start.data;
    body = (
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          confirm.mutate(code, {
            onSuccess: (result) => {
              setCode('');
              start.reset();
              setRecoveryCodes(result.recoveryCodes);
            },
          });
        }}
      >
        <p>{t('twoFactor.scan')}</p>
        {/* An image, not inline markup: the SVG cannot run anything in the page. */}
        <img
          className="two-factor__qr"
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`}
          alt={t('twoFactor.qrLabel')}
          width={192}
          height={192}
          data-testid="two-factor-qr"
        />
        <p>
          {t('twoFactor.orType')} <code data-testid="two-factor-secret">{setup.secret}</code>
        </p>
        <TextField
          label={t('twoFactor.firstCode')}
          data-testid="two-factor-confirm-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(event) => setCode(event.target.value.replace(/\D/g, '').slice(0, 6))}
          error={confirm.isError ? errorMessage(t, confirm.error) : undefined}
        />
        <Button type="submit" disabled={code.length !== 6 || confirm.isPending} data-testid="two-factor-confirm">
          {t('twoFactor.turnOn')}
        </Button>
      </form>
    );
  } else {
    body = (
      <div className="stack">
        <p className="muted">{t('twoFactor.off')}</p>
        {start.isError ? <InlineAlert>{errorMessage(t, start.error)}</InlineAlert> : null}
        <Button variant="secondary" onClick={() => start.mutate()} disabled={start.isPending} data-testid="two-factor-setup">
          {t('twoFactor.setUp')}
        </Button>
      </div>
    );
  }

  return (
    <section className="settings__section" aria-labelledby="settings-two-factor">
      <h2 id="settings-two-factor" className="settings__heading">
        {t('twoFactor.title')}
      </h2>
      {body}
    </section>
  );
}
