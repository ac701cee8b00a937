import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-error';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ButtonLink } from '../../ui/ButtonLink';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { sameHandle } from './handle-rules';
import { useMe } from './me-queries';
import { MeSkeleton } from './MeSkeleton';
import { ProfileHeader } from './ProfileHeader';
import { ProfileTabs } from './ProfileTabs';
import { useUser } from './users-queries';
import './profile.css';

/** /u/:handle — anyone's public profile. */
export function UserPage() {
  const { t } = useTranslation();
  const { handle = '' } = useParams();
  const user = useUser(handle);
  const me = useMe().data;
  const title = t('profile.userTitle', { handle: user.data?.handle ?? handle });
  useDocumentTitle(title);

  let body;
  if (user.isPending) body = <MeSkeleton />;
  else if (isApiError(user.error, 'user_not_found')) {
    body = <EmptyState title={t('profile.notFoundTitle')} body={t('profile.notFoundBody', { handle })} />;
  } else if (user.isError) body = <QueryError error={user.error} onRetry={() => void user.refetch()} />;
  else {
    const own = sameHandle(me?.handle, user.data.handle);
    body = (
      <>
        <ProfileHeader
          profile={user.data}
          actions={
            own ? (
              <ButtonLink to="/me/edit" size="small" data-testid="edit-profile">
                {t('profile.edit')}
              </ButtonLink>
            ) : undefined
          }
        />
        <ProfileTabs idPrefix="user" />
      </>
    );
  }
  return (
    <>
      <PageHeader title={title} back backTo="/" />
      {body}
    </>
  );
}
