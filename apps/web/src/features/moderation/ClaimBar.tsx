import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { Button } from '../../ui/Button';
import { InlineAlert } from '../../ui/InlineAlert';
import { useMe } from '../profile/me-queries';
import { useClaimCase } from './moderation-queries';
import type { QueueItem } from './moderation-types';

/** Who works on this case: claim it so nobody else does, release it when stepping away. */
export function ClaimBar({ item }: { item: QueueItem }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const claim = useClaimCase(item.id);
  const mine = item.claimedBy !== null && item.claimedBy.id === me?.id;
  const someoneElse = item.claimedBy !== null && !mine;
  const name = item.claimedBy ? item.claimedBy.displayName || item.claimedBy.handle : '';
  if (item.status === 'closed') {
    return <InlineAlert tone="info">{t('moderation.caseClosed')}</InlineAlert>;
  }
  return (
    <div className="claim-bar" data-testid="claim-bar">
      <p className="claim-bar__text">{mine ? t('moderation.claimedByYou') : someoneElse ? t('moderation.claimedBy', { name }) : t('moderation.unclaimed')}</p>
      {mine ? (
        <Button variant="secondary" size="small" disabled={claim.isPending} onClick={() => claim.mutate(false)} data-testid="case-release">
          {t('moderation.release')}
        </Button>
      ) : someoneElse ? null : (
        <Button size="small" disabled={claim.isPending} onClick={() => claim.mutate(true)} data-testid="case-claim">
          {t('moderation.claim')}
        </Button>
      )}
      {claim.isError ? <InlineAlert>{errorMessage(t, claim.error)}</InlineAlert> : null}
    </div>
  );
}
