import { useTranslation } from 'react-i18next';
import { Sheet } from '../../ui/Sheet';
import { ReportForm } from './ReportForm';
import type { Subject } from './report-types';
import './report-sheet.css';

interface ReportSheetProps {
  subject: Subject;
  open: boolean;
  onClose: () => void;
  /** After the server took the report (e.g. the feed drops the reported note). */
  onReported?: () => void;
}

/** "Report": one sheet for notes, comments and profiles. */
export function ReportSheet({ subject, open, onClose, onReported }: ReportSheetProps) {
  const { t } = useTranslation();
  return (
    <Sheet open={open} onClose={onClose} title={t(`report.title.${subject.type}`)} testId="report-sheet">
      {open ? (
        <ReportForm
          subject={subject}
          onDone={() => {
            onReported?.();
            onClose();
          }}
        />
      ) : null}
    </Sheet>
  );
}
