import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-error';
import { errorMessage } from '../../lib/error-message';
import { formatDateTime } from '../../lib/format-date';
import { summariseUserAgent } from '../../lib/user-agent';
import { Button } from '../../ui/Button';
import { InlineAlert } from '../../ui/InlineAlert';
import { QueryError } from '../../ui/QueryError';
import { Skeleton } from '../../ui/Skeleton';
import { countryName } from '../../lib/countries';
import { useRevokeOtherSessions, useRevokeSession, useSessions, type Session } from './sessions-queries';

export function SessionsList() {
  const { t } = useTranslation();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();

  if (sessions.isPending) {
    return (
      <ul className="sessions" aria-busy="true">
        {[0, 1].map((i) => (
          <li key={i} className="sessions__item">
            <Skeleton width="50%" height={20} />
            <Skeleton width="70%" height={16} />
          </li>
        ))}
      </ul>
    );
  }
  if (sessions.isError) return <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />;

  // This device first, then the most recently active.
  const list = [...sessions.data].sort((a, b) => Number(b.current) - Number(a.current) || Date.parse(b.lastSeenAt) - Date.parse(a.lastSeenAt));
  return (
    <>
      {revoke.isError && !isApiError(revoke.error, 'session_not_found') ? <InlineAlert>{errorMessage(t, revoke.error)}</InlineAlert> : null}
      <ul className="sessions" data-testid="sessions-list">
        {list.map((session) => (
          <SessionRow
            key={session.id}
            session={session}
            busy={revoke.isPending && revoke.variables === session.id}
            onRevoke={() => revoke.mutate(session.id)}
          />
        ))}
      </ul>
      {list.length <= 1 ? (
        <p className="muted">{t('settings.noSessions')}</p>
      ) : (
        <Button variant="secondary" onClick={() => revokeOthers.mutate()} disabled={revokeOthers.isPending} data-testid="revoke-other-sessions">
          {revokeOthers.isPending ? t('settings.signingOut') : t('settings.signOutOthers')}
        </Button>
      )}
      {revokeOthers.isError ? <InlineAlert>{errorMessage(t, revokeOthers.error)}</InlineAlert> : null}
    </>
  );
}

function SessionRow({ session, busy, onRevoke }: { session: Session; busy: boolean; onRevoke: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  // The server's reading first; older sessions (before it parsed them) fall back to the browser's.
  const parsed = summariseUserAgent(session.userAgent);
  const browser = session.browser ?? parsed.browser;
  const os = session.device ?? parsed.os;
  const place = session.country ? countryName(session.country, locale) : t('settings.unknownLocation');
  const device = browser && os ? t('settings.deviceOn', { browser, os }) : (browser ?? os ?? t('settings.unknownDevice'));
  return (
    <li className="sessions__item" data-testid="session-item" data-current={session.current || undefined}>
      <div className="sessions__main">
        <p className="sessions__device">
          {device}
          {session.current ? <span className="sessions__badge">{t('settings.thisDevice')}</span> : null}
        </p>
        <p className="sessions__meta">
          <span data-testid="session-location">{place}</span>
          {' · '}
          {t('settings.lastSeen', { date: formatDateTime(session.lastSeenAt, locale) })}
          {' · '}
          {t('settings.created', { date: formatDateTime(session.createdAt, locale) })}
        </p>
      </div>
      {session.current ? null : (
        <Button
          variant="secondary"
          size="small"
          onClick={onRevoke}
          disabled={busy}
          aria-label={t('settings.signOutSessionLabel', { device })}
          data-testid="revoke-session"
        >
          {busy ? t('settings.signingOut') : t('settings.signOutSession')}
        </Button>
      )}
    </li>
  );
}
