import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { Sheet } from './Sheet';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  body?: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  testId?: string;
}

/** "Delete this comment?": destructive actions ask first. */
export function ConfirmDialog({ open, title, body, confirmLabel, onConfirm, onCancel, busy, testId }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Sheet open={open} onClose={onCancel} title={title} variant="dialog">
      {body ? <p className="muted">{body}</p> : null}
      <div className="sheet__actions">
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button variant="danger" onClick={onConfirm} disabled={busy} data-testid={testId}>
          {confirmLabel}
        </Button>
      </div>
    </Sheet>
  );
}
