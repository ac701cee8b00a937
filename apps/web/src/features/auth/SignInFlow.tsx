import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryCode } from 'libphonenumber-js';
import { guessCountry } from '../../lib/countries';
import { formatPhoneAsYouType } from '../../lib/phone';
import { LanguageSelect } from '../settings/LanguageSelect';
import type { VerifyResult } from './auth-queries';
import { CodeStep } from './CodeStep';
import { loadPendingSignIn, savePendingSignIn, type PendingSignIn } from './pending-sign-in';
import { PhoneStep } from './PhoneStep';
import { TwoFactorStep } from './TwoFactorStep';
import './sign-in.css';

interface SignInFlowProps {
  onSignedIn?: (result: VerifyResult) => void;
}

/** Sign-up and log-in are one flow: phone number, then the texted code. */
export function SignInFlow({ onSignedIn }: SignInFlowProps) {
  const { t } = useTranslation();
  const [pending, setPendingState] = useState<PendingSignIn | undefined>(() => loadPendingSignIn());
  const [country, setCountry] = useState<CountryCode>(() => pending?.country ?? guessCountry(navigator.languages ?? [navigator.language]));
  const [phone, setPhone] = useState(() => (pending ? formatPhoneAsYouType(pending.phone, pending.country).text : ''));
  // Kept in memory only: a reload starts the sign-in again rather than storing a half-signed-in token.
  const [secondFactorToken, setSecondFactorToken] = useState<string | null>(null);

  const setPending = (next: PendingSignIn | undefined) => {
    savePendingSignIn(next);
    setPendingState(next);
  };

  return (
    <div className="sign-in">
      <div className="sign-in__intro">
        <img src="/icon.svg" alt="" width={56} height={56} className="sign-in__logo" />
        <p className="sign-in__welcome">{t('auth.welcome')}</p>
        <h2 className="sign-in__title">{secondFactorToken ? t('auth.twoFactorTitle') : pending ? t('auth.codeTitle') : t('auth.signInTitle')}</h2>
        {pending ? null : <p className="muted">{t('auth.phoneIntro')}</p>}
      </div>
      {secondFactorToken ? (
        <TwoFactorStep
          pendingToken={secondFactorToken}
          onRestart={() => setSecondFactorToken(null)}
          onVerified={(result) => {
            setSecondFactorToken(null);
            onSignedIn?.(result);
          }}
        />
      ) : pending ? (
        <CodeStep
          pending={pending}
          onPendingChange={setPending}
          onChangeNumber={() => setPending(undefined)}
          onVerified={(result) => {
            setPending(undefined);
            onSignedIn?.(result);
          }}
          onSecondFactor={(token) => {
            setPending(undefined);
            setSecondFactorToken(token);
          }}
        />
      ) : (
        <PhoneStep country={country} onCountryChange={setCountry} phone={phone} onPhoneChange={setPhone} onSent={setPending} />
      )}
      <div className="sign-in__language">
        <LanguageSelect />
      </div>
    </div>
  );
}
