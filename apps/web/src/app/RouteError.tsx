import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';

/** A screen that crashed: say so in the user's language and offer a reload, keeping the navigation. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <div role="alert" data-testid="route-error">
      <EmptyState level={1} title={t('common.error')} body={t('common.crashBody')}>
        <Button variant="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      </EmptyState>
    </div>
  );
}
