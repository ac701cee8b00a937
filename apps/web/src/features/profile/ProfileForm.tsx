import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, storeLanguage, toSupportedLanguage, type Language } from '../../lib/languages';
import { Button } from '../../ui/Button';
import { InlineAlert } from '../../ui/InlineAlert';
import { TextField } from '../../ui/TextField';
import { profileFormErrors } from './field-errors';
import { HandleField } from './HandleField';
import { useUpdateMe, type Me, type MePatch } from './me-queries';
import { ProfileLanguageSelect } from './ProfileLanguageSelect';
import { RegionSelect } from './RegionSelect';
import { useHandleStatus } from './use-handle-status';

const BIO_MAX = 160;
const NAME_MAX = 40;

interface ProfileFormProps {
  me: Me;
  mode: 'onboarding' | 'edit';
  onSaved: (me: Me) => void;
  /** Extra buttons next to submit (e.g. Cancel in the editor). */
  secondaryAction?: ReactNode;
}

/** The profile fields, shared by onboarding (new account) and the profile editor. */
export function ProfileForm({ me, mode, onSaved, secondaryAction }: ProfileFormProps) {
  const { t, i18n } = useTranslation();
  const updateMe = useUpdateMe();
  const [handle, setHandle] = useState(me.handle ?? '');
  const [displayName, setDisplayName] = useState(me.displayName ?? '');
  const [bio, setBio] = useState(me.bio);
  const [language, setLanguage] = useState<Language>(
    isLanguage(me.language) && mode === 'edit' ? me.language : toSupportedLanguage(i18n.resolvedLanguage ?? i18n.language),
  );
  const [region, setRegion] = useState(me.region);
  const [nameTouched, setNameTouched] = useState(false);
  const handleStatus = useHandleStatus(handle, me.handle);

  const errors = updateMe.isError ? profileFormErrors(t, updateMe.error) : { fields: {}, form: undefined };
  const nameMissing = displayName.trim() === '';
  const blocked = handleStatus.state === 'invalid' || handleStatus.state === 'unavailable' || handleStatus.state === 'empty';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNameTouched(true);
    if (blocked || nameMissing || updateMe.isPending) return;
    const patch: MePatch = {};
    if (mode === 'onboarding' || handle !== me.handle) patch.handle = handle;
    if (mode === 'onboarding' || displayName.trim() !== me.displayName) patch.displayName = displayName.trim();
    if (mode === 'edit' && bio !== me.bio) patch.bio = bio;
    if (mode === 'onboarding' || language !== me.language) patch.language = language;
    if (mode === 'onboarding' || region !== me.region) patch.region = region;
    if (Object.keys(patch).length === 0) {
      onSaved(me);
      return;
    }
    updateMe.mutate(patch, {
      onSuccess: (saved) => {
        // Choosing a language for the account is also choosing it on this device.
        if (patch.language) {
          storeLanguage(patch.language);
          void i18n.changeLanguage(patch.language);
        }
        onSaved(saved);
      },
    });
  };

  const busy = updateMe.isPending;
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <HandleField
        value={handle}
        onChange={(next) => {
          setHandle(next);
          if (errors.fields.handle) updateMe.reset();
        }}
        status={handleStatus}
        serverError={errors.fields.handle}
      />
      <TextField
        label={t('onboarding.displayName')}
        data-testid="display-name-input"
        name="displayName"
        autoComplete="nickname"
        maxLength={NAME_MAX}
        value={displayName}
        onChange={(event) => setDisplayName(event.target.value)}
        onBlur={() => setNameTouched(true)}
        hint={t('onboarding.displayNameHint')}
        error={errors.fields.displayName ?? (nameTouched && nameMissing ? t('onboarding.displayNameRequired') : undefined)}
      />
      {mode === 'edit' ? (
        <TextField
          multiline
          label={t('editProfile.bio')}
          data-testid="bio-input"
          name="bio"
          rows={4}
          maxLength={BIO_MAX}
          value={bio}
          onChange={(event) => setBio(event.target.value)}
          hint={t('editProfile.bioHint', { count: [...bio].length })}
          error={errors.fields.bio}
        />
      ) : null}
      <ProfileLanguageSelect value={language} onChange={setLanguage} />
      <RegionSelect value={region} onChange={setRegion} error={errors.fields.region} />
      {errors.form ? <InlineAlert testId="profile-form-error">{errors.form}</InlineAlert> : null}
      <div className="profile-form__actions">
        {secondaryAction}
        <Button
          type="submit"
          block={mode === 'onboarding'}
          data-testid={mode === 'onboarding' ? 'onboarding-submit' : 'profile-save'}
          disabled={busy || blocked}
        >
          {busy ? t(mode === 'onboarding' ? 'onboarding.saving' : 'editProfile.saving') : t(mode === 'onboarding' ? 'onboarding.submit' : 'editProfile.save')}
        </Button>
      </div>
    </form>
  );
}
