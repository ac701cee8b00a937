import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/TextField';
import { normaliseHandleInput } from './handle-rules';
import type { HandleStatus } from './use-handle-status';

interface HandleFieldProps {
  value: string;
  onChange: (handle: string) => void;
  status: HandleStatus;
  /** An error from the last submit (e.g. taken meanwhile) outranks the live status. */
  serverError?: string | undefined;
}

export function HandleField({ value, onChange, status, serverError }: HandleFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('onboarding.handle')}
      data-testid="handle-input"
      name="handle"
      prefix="@"
      autoComplete="username"
      autoCapitalize="none"
      autoCorrect="off"
      spellCheck={false}
      maxLength={24}
      value={value}
      onChange={(event) => onChange(normaliseHandleInput(event.target.value))}
      error={serverError ?? (status.tone === 'error' ? status.message : undefined)}
      hint={status.message}
      hintTone={status.tone}
    />
  );
}
