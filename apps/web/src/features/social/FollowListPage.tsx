import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';
import { EmptyState } from '../../ui/EmptyState';
import { UserIcon } from '../../ui/icons';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { Skeleton } from '../../ui/Skeleton';
import { SkeletonGroup } from '../../ui/SkeletonGroup';
import { useLoadMore } from '../../ui/use-load-more';
import { useFollowList, type FollowListKind } from '../profile/users-queries';
import { UserRow } from './UserRow';
import './user-row.css';

/** /u/:handle/followers and /u/:handle/following. */
export function FollowListPage({ kind }: { kind: FollowListKind }) {
  const { t } = useTranslation();
  const { handle = '' } = useParams();
  const list = useFollowList(handle, kind);
  const sentinel = useLoadMore<HTMLDivElement>(list);
  const title = t(`social.${kind}Title`, { handle });
  useDocumentTitle(title);

  let body;
  if (list.isPending) {
    body = (
      <SkeletonGroup className="page-body stack">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} height={48} radius={12} />
        ))}
      </SkeletonGroup>
    );
  } else if (list.isError && !list.data) {
    body = <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  } else {
    const people = list.data.pages.flatMap((page) => page.items);
    body =
      people.length === 0 ? (
        <EmptyState level={2} icon={<UserIcon size={28} />} title={t(`social.${kind}Empty`)} />
      ) : (
        <ul className="user-list" data-testid={`${kind}-list`}>
          {people.map((person) => (
            <UserRow key={person.id} user={person} testId="user-row" />
          ))}
        </ul>
      );
  }
  return (
    <>
      <PageHeader title={title} back backTo={`/u/${handle}`} />
      {body}
      <div ref={sentinel} className="grid-footer" />
    </>
  );
}
