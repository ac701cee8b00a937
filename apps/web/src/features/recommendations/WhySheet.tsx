import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Sheet } from '../../ui/Sheet';
import { ReportSheet } from '../reports/ReportSheet';
import { dismissNote } from './dismissed-notes';
import { useNotInterested } from './feedback-queries';
import { reasonText } from './reason-text';
import type { Reason } from './reason-types';
import './why-sheet.css';

interface WhySheetProps {
  noteId: string;
  reason: Reason | undefined;
  signedIn: boolean;
  open: boolean;
  onClose: () => void;
}

/** "Why am I seeing this?": the recommender's reason, then Not interested and Report. */
export function WhySheet({ noteId, reason, signedIn, open, onClose }: WhySheetProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const notInterested = useNotInterested();
  const [reporting, setReporting] = useState(false);
  const locale = i18n.resolvedLanguage ?? i18n.language;

  const close = () => {
    setReporting(false);
    onClose();
  };
  const act = (action: () => void) => {
    close();
    if (signedIn) action();
    else void navigate('/login');
  };

  // Reporting swaps this sheet for the report sheet; a reported note leaves the feed, as Not interested does.
  if (reporting) return <ReportSheet subject={{ type: 'note', id: noteId }} open={open} onClose={close} onReported={() => dismissNote(noteId)} />;

  return (
    <Sheet open={open} onClose={close} title={t('recommendations.whyTitle')} testId="why-sheet">
      <p className="why-sheet__reason" data-testid="why-reason">
        {reason ? reasonText(t, reason, locale) : t('recommendations.noReason')}
      </p>
      <p className="muted why-sheet__hint">{t('recommendations.whyHint')}</p>
      <div className="why-sheet__options">
        <button type="button" className="why-sheet__option" data-testid="not-interested" onClick={() => act(() => notInterested.mutate(noteId))}>
          <span>{t('recommendations.notInterested')}</span>
          <span className="muted why-sheet__option-hint">{t('recommendations.notInterestedHint')}</span>
        </button>
        <button
          type="button"
          className="why-sheet__option why-sheet__option--danger"
          data-testid="report-note"
          onClick={() => (signedIn ? setReporting(true) : act(() => {}))}
        >
          {t('recommendations.report')}
        </button>
      </div>
    </Sheet>
  );
}
