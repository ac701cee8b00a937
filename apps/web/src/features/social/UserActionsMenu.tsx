import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Menu } from '../../ui/Menu';
import { useRelationship } from './relationship-queries';

interface UserActionsMenuProps {
  handle: string;
  name: string;
  blocked: boolean;
  muted: boolean;
}

/** "…" on someone else's profile: mute or block them (or undo it). Blocking asks first. */
export function UserActionsMenu({ handle, name, blocked, muted }: UserActionsMenuProps) {
  const { t } = useTranslation();
  const block = useRelationship('block');
  const mute = useRelationship('mute');
  const [confirming, setConfirming] = useState(false);
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
    </>
  );
}
