import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/error-message';
import { Button } from './Button';
import { EmptyState } from './EmptyState';

/** A failed load with the reason in the user's language and a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert">
      <EmptyState title={t('common.error')} body={errorMessage(t, error)}>
        <Button variant="secondary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </EmptyState>
    </div>
  );
}
