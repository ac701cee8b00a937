import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';

/** What a stranger sees instead of a private account's notes, collects, likes and boards. */
export function PrivateProfileNotice({ requested }: { requested: boolean }) {
  const { t } = useTranslation();
  return (
    <div data-testid="profile-private">
      <EmptyState
        level={2}
        title={t('privacyControls.profile.title')}
        body={t(requested ? 'privacyControls.profile.requestedBody' : 'privacyControls.profile.body')}
      />
    </div>
  );
}
