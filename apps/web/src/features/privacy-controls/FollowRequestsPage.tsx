import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { UserIcon } from '../../ui/icons';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { Skeleton } from '../../ui/Skeleton';
import { SkeletonGroup } from '../../ui/SkeletonGroup';
import { showToast } from '../../ui/toast-store';
import { useLoadMore } from '../../ui/use-load-more';
import { type FollowRequest, useAnswerRequest, useFollowRequests } from './privacy-queries';
import '../social/user-row.css';

function RequestRow({ request }: { request: FollowRequest }) {
  const { t } = useTranslation();
  const answer = useAnswerRequest();
  const name = request.displayName || request.handle;
  const reply = (approve: boolean) =>
    answer.mutate(
      { handle: request.handle, approve },
      {
        onSuccess: () => showToast(t(approve ? 'privacyControls.requests.approved' : 'privacyControls.requests.denied', { name })),
        onError: (error) => showToast(errorMessage(t, error), 'error'),
      },
    );
  return (
    <li className="user-row" data-testid="follow-request" data-handle={request.handle}>
      <Link to={`/u/${request.handle}`} className="user-row__link">
        <Avatar seed={request.id} name={name} size={44} label="" />
        <span className="user-row__names">
          <span className="user-row__name">{name}</span>
          <span className="user-row__handle">@{request.handle}</span>
        </span>
      </Link>
      <Button
        size="small"
        onClick={() => reply(true)}
        disabled={answer.isPending}
        aria-label={t('privacyControls.requests.approveLabel', { name })}
        data-testid="approve-request"
      >
        {t('privacyControls.requests.approve')}
      </Button>
      <Button
        size="small"
        variant="secondary"
        onClick={() => reply(false)}
        disabled={answer.isPending}
        aria-label={t('privacyControls.requests.denyLabel', { name })}
        data-testid="deny-request"
      >
        {t('privacyControls.requests.deny')}
      </Button>
    </li>
  );
}

/** /me/follow-requests — people asking to follow my private account: approve or deny each. */
export function FollowRequestsPage() {
  const { t } = useTranslation();
  const list = useFollowRequests();
  const sentinel = useLoadMore<HTMLDivElement>(list);
  const title = t('privacyControls.requests.title');
  useDocumentTitle(title);

  let body;
  if (list.isPending) {
    body = (
      <SkeletonGroup className="page-body stack">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} height={48} radius={12} />
        ))}
      </SkeletonGroup>
    );
  } else if (list.isError && !list.data) {
    body = <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  } else {
    const requests = list.data.pages.flatMap((page) => page.items);
    body =
      requests.length === 0 ? (
        <EmptyState level={2} icon={<UserIcon size={28} />} title={t('privacyControls.requests.empty')} body={t('privacyControls.requests.emptyHint')} />
      ) : (
        <ul className="user-list" data-testid="follow-requests">
          {requests.map((request) => (
            <RequestRow key={request.id} request={request} />
          ))}
        </ul>
      );
  }
  return (
    <>
      <PageHeader title={title} back backTo="/settings" />
      {body}
      <div ref={sentinel} className="grid-footer" />
    </>
  );
}
