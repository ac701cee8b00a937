import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MoreIcon } from '../../ui/icons';
import { useMe } from '../profile/me-queries';
import type { Reason } from './reason-types';
import { WhySheet } from './WhySheet';
import './why-sheet.css';

interface WhyButtonProps {
  noteId: string;
  reason: Reason | undefined;
  className: string;
  iconSize?: number;
  testId?: string;
}

/** The "⋯" on a served note that opens "Why am I seeing this?". */
export function WhyButton({ noteId, reason, className, iconSize = 18, testId = 'why-button' }: WhyButtonProps) {
  const { t } = useTranslation();
  const me = useMe().data;
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={className}
        aria-haspopup="dialog"
        aria-label={t('recommendations.moreLabel')}
        data-testid={testId}
        onClick={() => setOpen(true)}
      >
        <MoreIcon size={iconSize} />
      </button>
      {/* Mounted only while open: a grid of many cards would otherwise hold many dialogs. */}
      {open ? <WhySheet noteId={noteId} reason={reason} signedIn={Boolean(me)} open onClose={() => setOpen(false)} /> : null}
    </>
  );
}
