import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { Skeleton } from '../../ui/Skeleton';
import { ActionForm } from './ActionForm';
import { CaseAuthor, CaseHistory, CaseReports } from './CaseContext';
import { CaseItemPanel } from './CaseItemPanel';
import { ClaimBar } from './ClaimBar';
import { useCase } from './moderation-queries';
import { ModeratorOnly } from './ModeratorOnly';
import './moderation.css';

/** /moderation/cases/:id — everything needed to decide one case, and the decision. */
export function CasePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('moderation.caseTitle'));
  return (
    <>
      <PageHeader title={t('moderation.caseTitle')} back backTo="/moderation" />
      <ModeratorOnly>
        <CaseContent />
      </ModeratorOnly>
    </>
  );
}

function CaseContent() {
  const { i18n } = useTranslation();
  const { id = '' } = useParams();
  // The item comes translated into the language the moderator reads the console in.
  const detail = useCase(id, i18n.resolvedLanguage ?? i18n.language);
  if (detail.isPending) {
    return (
      <div className="case">
        <Skeleton height={220} radius={16} />
        <Skeleton height={140} radius={16} />
      </div>
    );
  }
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  const item = detail.data;
  return (
    <div className="case" data-testid="case" data-case-id={item.id}>
      <ClaimBar item={item} />
      <CaseItemPanel detail={item} />
      <CaseReports detail={item} />
      <CaseAuthor detail={item} />
      <CaseHistory detail={item} />
      {item.status === 'closed' ? null : <ActionForm detail={item} />}
    </div>
  );
}
