// One clear message per connection state (offline, rate-limited, key rejected, no key, connecting),
// so the user never stares at a blank or silently stale list.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../preload/format';
import type { Connection, FleetSnapshot } from '../../../preload/models';
import { useNow } from '../app/useNow';
import { useLocale } from '../i18n/useLocale';

interface Props {
  snapshot: FleetSnapshot;
  /** What "enter a key" does here: a link to Settings in the dashboard, a window in the popover. */
  keyAction?: ReactNode;
}

export function ConnectionBanner({ snapshot, keyAction }: Props) {
  const { connection } = snapshot;
  if (connection.status === 'ok') return null;
  if (connection.status === 'offline' || connection.status === 'rate_limited') {
    return <RetryBanner connection={connection} updatedAt={snapshot.updatedAt} />;
  }
  return <StaticBanner connection={connection} keyAction={keyAction} />;
}

function StaticBanner({ connection, keyAction }: { connection: Connection; keyAction?: ReactNode }) {
  const { t, i18n } = useTranslation();
  let kind: string = connection.status;
  // The core says "forbidden" (403, a missing scope) with the catalog's own sentence.
  if (connection.status === 'auth_failed' && connection.message === i18n.getFixedT('en')('connection.forbidden')) kind = 'forbidden';
  const urgent = kind === 'auth_failed' || kind === 'forbidden';
  return (
    <div className={`banner ${urgent ? 'tone-danger' : 'tone-info'}`} role={urgent ? 'alert' : 'status'} data-connection={kind}>
      {kind === 'idle' || kind === 'connecting' ? <span className="spinner small" aria-hidden="true" /> : null}
      <div className="banner-text">
        <strong>{t(`banner.${kind}.title`)}</strong>
        {kind === 'idle' || kind === 'connecting' ? null : <span>{t(`banner.${kind}.body`)}</span>}
      </div>
      {kind === 'idle' || kind === 'connecting' ? null : keyAction}
    </div>
  );
}

function RetryBanner({ connection, updatedAt }: { connection: Connection; updatedAt: number | null }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const now = useNow(1000);
  const kind = connection.status;
  const seconds = connection.nextRetryAt === null ? null : Math.max(0, Math.ceil((connection.nextRetryAt - now) / 1000));
  // The core's reason is English; other languages get the general sentence only.
  const reason = kind === 'offline' && connection.message && i18n.language.startsWith('en') ? connection.message : null;
  return (
    <div className="banner tone-warning" role="status" data-connection={kind}>
      <div className="banner-text">
        <strong>{t(`banner.${kind}.title`)}</strong>
        <span>
          {reason ?? t(`banner.${kind}.body`)}{' '}
          {seconds === null ? null : seconds > 0 ? t('banner.retryIn', { seconds }) : t('banner.retryNow')}
        </span>
        {updatedAt !== null ? <span className="muted">{t('banner.lastData', { time: formatTime(updatedAt, locale) })}</span> : null}
      </div>
    </div>
  );
}
