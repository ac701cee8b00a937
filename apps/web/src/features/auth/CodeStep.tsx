import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../../app/meta-queries';
import { isApiError } from '../../lib/api-error';
import { errorMessage } from '../../lib/error-message';
import { formatInternational } from '../../lib/phone';
import { useCountdown } from '../../lib/use-countdown';
import { Button } from '../../ui/Button';
import { InlineAlert } from '../../ui/InlineAlert';
import { TextField } from '../../ui/TextField';
import { needsSecondFactor, useSendCode, useVerifyCode, type VerifyResult } from './auth-queries';
import type { PendingSignIn } from './pending-sign-in';

const CODE_LENGTH = 6;

interface CodeStepProps {
  pending: PendingSignIn;
  onPendingChange: (pending: PendingSignIn) => void;
  onChangeNumber: () => void;
  onVerified: (result: VerifyResult) => void;
  /** The account has an authenticator app: its code comes next. */
  onSecondFactor: (pendingToken: string) => void;
}

export function CodeStep({ pending, onPendingChange, onChangeNumber, onVerified, onSecondFactor }: CodeStepProps) {
  const { t } = useTranslation();
  const meta = useMeta().data;
  const verify = useVerifyCode();
  const resend = useSendCode();
  const [code, setCode] = useState('');
  const [resent, setResent] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const resendIn = useCountdown(pending.resendAt);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  const submit = (value: string) => {
    if (value.length !== CODE_LENGTH || verify.isPending) return;
    setResent(false);
    verify.mutate(
      { phone: pending.phone, code: value },
      {
        onSuccess: (result) => (needsSecondFactor(result) ? onSecondFactor(result.pendingToken) : onVerified(result)),
        onError: () => {
          // Clear the wrong code so the next one can be typed (or pasted) straight in.
          setCode('');
          inputRef.current?.focus();
        },
      },
    );
  };

  const changeCode = (raw: string) => {
    const digits = raw.replace(/\D/g, '').slice(0, CODE_LENGTH);
    setCode(digits);
    if (digits.length === CODE_LENGTH) submit(digits);
  };

  const resendCode = () => {
    verify.reset();
    resend.mutate(
      { phone: pending.phone, country: pending.country },
      {
        onSuccess: (result) => {
          const now = Date.now();
          setResent(true);
          onPendingChange({
            ...pending,
            phone: result.phone,
            resendAt: now + result.resendAfterSeconds * 1000,
            expiresAt: now + result.expiresInSeconds * 1000,
            earlierCode: false,
          });
          inputRef.current?.focus();
        },
        onError: (error) => {
          if (isApiError(error) && error.retryAfter !== undefined) {
            onPendingChange({ ...pending, resendAt: Date.now() + error.retryAfter * 1000 });
          }
        },
      },
    );
  };

  const verifyError = verify.isError ? errorMessage(t, verify.error) : undefined;
  return (
    <div className="stack">
      <p data-testid="code-sent-to">
        {t('auth.codeSentTo', { phone: formatInternational(pending.phone) })}{' '}
        <Button variant="link" onClick={onChangeNumber} data-testid="change-number">
          {t('auth.changeNumber')}
        </Button>
      </p>
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit(code);
        }}
      >
        <TextField
          ref={inputRef}
          label={t('auth.code')}
          data-testid="code-input"
          name="code"
          className="code-input"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={CODE_LENGTH}
          value={code}
          onChange={(event) => changeCode(event.target.value)}
          readOnly={verify.isPending}
          error={verifyError}
          hint={verify.isPending ? t('auth.verifying') : t('auth.codeHint')}
        />
        <Button type="submit" block data-testid="verify-code" disabled={code.length !== CODE_LENGTH || verify.isPending}>
          {verify.isPending ? t('auth.verifying') : t('auth.verify')}
        </Button>
      </form>
      {pending.earlierCode && !resent ? <InlineAlert tone="info">{t('auth.codeAlreadySent')}</InlineAlert> : null}
      {resend.isError ? <InlineAlert testId="resend-error">{errorMessage(t, resend.error)}</InlineAlert> : null}
      {resent ? <InlineAlert tone="success">{t('auth.resent')}</InlineAlert> : null}
      <div className="code-step__links">
        <Button variant="secondary" data-testid="resend-code" disabled={resendIn > 0 || resend.isPending} onClick={resendCode}>
          {resendIn > 0 ? t('auth.resendIn', { seconds: resendIn }) : t('auth.resend')}
        </Button>
        {meta?.devSmsInbox ? (
          <Link to="/dev/sms" className="code-step__dev-link" data-testid="dev-sms-link">
            {t('auth.devInbox')}
          </Link>
        ) : null}
      </div>
    </div>
  );
}
