import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import type { MenuItem } from '../../ui/Menu';
import { showToast } from '../../ui/toast-store';
import type { Subject } from '../reports/report-types';
import { useOpenCase } from './moderation-queries';

/** The "Review as moderator" menu item: opens (or finds) the item's case and goes there. */
export function useOpenCaseItem(subject: Subject): MenuItem {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useOpenCase();
  return {
    label: t('moderation.openCase'),
    testId: `${subject.type}-open-case`,
    onSelect: () =>
      open.mutate(subject, {
        onSuccess: (item) => void navigate(`/moderation/cases/${item.id}`),
        onError: (error) => showToast(errorMessage(t, error), 'error'),
      }),
  };
}
