import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Menu } from '../../ui/Menu';
import { useOpenCaseItem } from '../moderation/use-open-case-item';
import { canModerate, useMe } from '../profile/me-queries';
import { ReportSheet } from '../reports/ReportSheet';
import { useRelationship } from './relationship-queries';

interface UserActionsMenuProps {
  /** The account's id: what a report is about. */
  userId: string;
  handle: string;
  name: string;
  blocked: boolean;
  muted: boolean;
}

/** "…" on someone else's profile: mute or block them (or undo it), or report them. Blocking asks first. */
export function UserActionsMenu({ userId, handle, name, blocked, muted }: UserActionsMenuProps) {
  const { t } = useTranslation();
  const block = useRelationship('block');
  const mute = useRelationship('mute');
  const [confirming, setConfirming] = useState(false);
  const [reporting, setReporting] = useState(false);
  const openCase = useOpenCaseItem({ type: 'user', id: userId });
  const moderator = canModerate(useMe().data);
  return (
    <>
      <Menu
        label={t('social.userMenu', { name })}
        testId="user-menu"
        items={[
          {
            label: muted ? t('social.unmuteUser', { name }) : t('social.muteUser', { name }),
            onSelect: () => mute.mutate({ handle, on: !muted }),
            testId: 'user-mute',
          },
          {
            label: blocked ? t('social.unblockUser', { name }) : t('social.blockUser', { name }),
            onSelect: () => (blocked ? block.mutate({ handle, on: false }) : setConfirming(true)),
            danger: !blocked,
            testId: 'user-block',
          },
          { label: t('report.action.user', { name }), onSelect: () => setReporting(true), danger: true, testId: 'user-report' },
          ...(moderator ? [openCase] : []),
        ]}
      />
      <ConfirmDialog
        open={confirming}
        title={t('social.blockConfirmTitle', { name })}
        body={t('social.blockConfirmBody')}
        confirmLabel={t('social.block')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          block.mutate({ handle, on: true });
        }}
        testId="confirm-block"
      />
      {reporting ? <ReportSheet subject={{ type: 'user', id: userId }} open onClose={() => setReporting(false)} /> : null}
    </>
  );
}
