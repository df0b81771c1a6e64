// What Vast Tray did and how each action ended, newest first: an action is never silently dropped,
// and this is where the user can check.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../preload/format';
import type { ActionRecord } from '../../../preload/models';
import { describeError } from '../app/describe';
import { getBridge } from '../bridge';
import { useLocale } from '../i18n/useLocale';

const DONE_KEY: Record<ActionRecord['kind'], string> = {
  pause: 'outcome.paused',
  resume: 'outcome.resumed',
  reboot: 'outcome.rebooted',
  label: 'outcome.labelled',
  destroy: 'outcome.destroyed',
  snapshot: 'outcome.snapshot',
};
const STATUS_TONE = { pending: 'info', done: 'success', queued: 'warning', failed: 'danger' } as const;

function resultText(t: TFunction, language: string, record: ActionRecord): string {
  const id = record.instanceId;
  if (record.status === 'pending') return t('history.pendingText');
  if (record.status === 'queued') return t('outcome.queued', { id });
  if (record.status === 'done') return t(DONE_KEY[record.kind], { id });
  return describeError(t, language, record.code, record.message);
}

export function HistoryPanel({ onShowInstance }: { onShowInstance: (id: number) => void }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const [records, setRecords] = useState<ActionRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const bridge = getBridge();
    let live = true;
    void bridge.getHistory().then((result) => {
      if (!live) return;
      if (result.ok) setRecords(result.data);
      else setError(result.message);
    });
    const off = bridge.onHistoryChanged((next) => setRecords(next));
    return () => {
      live = false;
      off();
    };
  }, []);

  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">{t('history.title')}</h2>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : records === null ? (
        <p role="status">{t('common.loading')}</p>
      ) : records.length === 0 ? (
        <p className="empty">{t('history.empty')}</p>
      ) : (
        <div className="table-scroll history-scroll">
          <table className="history-table">
            <thead>
              <tr>
                <th scope="col">{t('history.when')}</th>
                <th scope="col">{t('history.instance')}</th>
                <th scope="col">{t('history.action')}</th>
                <th scope="col">{t('history.result')}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((record) => (
                <tr key={record.actionId}>
                  <td className="nowrap">{formatDateTime(record.requestedAt, locale)}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => onShowInstance(record.instanceId)}>
                      {record.instanceName}
                    </button>{' '}
                    <span className="muted small">#{record.instanceId}</span>
                  </td>
                  <td>{t(`history.kinds.${record.kind}`)}</td>
                  <td>
                    <span className={`badge tone-${STATUS_TONE[record.status]}`}>{t(`history.status.${record.status}`)}</span>{' '}
                    <span>{resultText(t, i18n.language, record)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
