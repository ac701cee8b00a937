import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-error';
import { errorMessage } from '../../lib/error-message';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { useVerifySecondFactor, type VerifyResult } from './auth-queries';

interface TwoFactorStepProps {
  pendingToken: string;
  onVerified: (result: VerifyResult) => void;
  /** The pending sign-in expired or ran out of attempts: back to the phone number. */
  onRestart: () => void;
}

/** After the SMS code, for accounts with an authenticator app: its 6 digits, or a recovery code. */
export function TwoFactorStep({ pendingToken, onVerified, onRestart }: TwoFactorStepProps) {
  const { t } = useTranslation();
  const verify = useVerifySecondFactor();
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
  }, [recovery]);

  const valid = recovery ? code.replace(/[\s-]/g, '').length === 10 : /^\d{6}$/.test(code);
  const submit = (value: string) => {
    if (verify.isPending) return;
    verify.mutate({ pendingToken, code: value }, { onSuccess: onVerified, onError: () => setCode('') });
  };
  const expired = verify.isError && isApiError(verify.error, 'sign_in_expired');

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) submit(code);
      }}
    >
      <p>{recovery ? t('auth.recoveryIntro') : t('auth.twoFactorIntro')}</p>
      <TextField
        ref={inputRef}
        label={recovery ? t('auth.recoveryCode') : t('auth.twoFactorCode')}
        data-testid="two-factor-input"
        name="two-factor-code"
        className={recovery ? undefined : 'code-input'}
        inputMode={recovery ? 'text' : 'numeric'}
        autoComplete="one-time-code"
        maxLength={recovery ? 11 : 6}
        value={code}
        onChange={(event) => {
          const next = recovery ? event.target.value.slice(0, 11) : event.target.value.replace(/\D/g, '').slice(0, 6);
          setCode(next);
          if (!recovery && next.length === 6) submit(next);
        }}
        readOnly={verify.isPending}
        error={verify.isError ? errorMessage(t, verify.error) : undefined}
        hint={verify.isPending ? t('auth.verifying') : undefined}
      />
      <Button type="submit" block data-testid="verify-two-factor" disabled={!valid || verify.isPending}>
        {verify.isPending ? t('auth.verifying') : t('auth.verify')}
      </Button>
      {expired ? (
        <Button variant="secondary" onClick={onRestart} data-testid="two-factor-restart">
          {t('auth.startAgain')}
        </Button>
      ) : (
        <Button
          variant="link"
          onClick={() => {
            setRecovery(!recovery);
            setCode('');
            verify.reset();
          }}
          data-testid="two-factor-use-recovery"
        >
          {recovery ? t('auth.useAuthenticator') : t('auth.useRecoveryCode')}
        </Button>
      )}
    </form>
  );
}
