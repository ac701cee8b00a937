import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePrivacyControls } from './privacy-queries';

/** On my profile: "Follow requests (3)" while my account is private or requests wait. */
export function FollowRequestsLink() {
  const { t } = useTranslation();
  const controls = usePrivacyControls().data;
  if (!controls || (!controls.private && controls.pendingRequests === 0)) return null;
  return (
    <Link to="/me/follow-requests" className="me-links__link" data-testid="me-follow-requests-link">
      {t('privacyControls.requests.link', { count: controls.pendingRequests })}
    </Link>
  );
}
