// The core's notices (paused, ready, queued, failed, crashed, low credit…) as small toasts in a
// polite live region. Errors stay until dismissed; the rest fade after a few seconds.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../preload/models';
import { getBridge } from '../bridge';

const SHOWN = 4;
const TONE: Record<Notice['severity'], string> = { success: 'success', info: 'info', warning: 'warning', error: 'danger' };
const FADE_MS = 8000;

export function NoticeToasts({ onShowInstance }: { onShowInstance?: (id: number) => void }) {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<Notice[]>([]);

  useEffect(
    () =>
      getBridge().onNotice((notice) =>
        setNotices((current) => [notice, ...current.filter((n) => n.dedupeKey !== notice.dedupeKey)].slice(0, SHOWN)),
      ),
    [],
  );

  const fading = notices.filter((n) => n.severity !== 'error').map((n) => n.id).join(',');
  useEffect(() => {
    if (!fading) return;
    const timer = window.setTimeout(() => setNotices((current) => current.filter((n) => n.severity === 'error')), FADE_MS);
    return () => window.clearTimeout(timer);
  }, [fading]);

  const dismiss = (id: string) => setNotices((current) => current.filter((n) => n.id !== id));

  return (
    <section className="toasts" aria-label={t('toasts.label')}>
      <div role="status" aria-live="polite">
        {notices.map((notice) => (
          <div key={notice.id} className={`toast tone-${TONE[notice.severity]}`}>
            <div className="toast-text">
              <strong>{notice.title}</strong>
              {notice.body ? <span>{notice.body}</span> : null}
            </div>
            <div className="toast-actions">
              {notice.instanceId !== null && onShowInstance ? (
                <button type="button" className="button small" onClick={() => notice.instanceId !== null && onShowInstance(notice.instanceId)}>
                  {t('toasts.show')}
                </button>
              ) : null}
              <button type="button" className="button small ghost" aria-label={t('toasts.dismiss', { title: notice.title })} onClick={() => dismiss(notice.id)}>
                ×
              </button>
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
