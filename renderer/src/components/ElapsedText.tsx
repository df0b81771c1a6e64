import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../preload/format';
import type { DisplayState, Instance } from '../../../preload/models';
import { useLocale } from '../i18n/useLocale';
import { elapsedOf } from '../lib/instances';

/** "up 5 h 12 min" / "paused 3 d" / "waiting 12 min", or nothing when unknown. */
export function ElapsedText({ instance, state, now }: { instance: Instance; state: DisplayState; now: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const elapsed = elapsedOf(instance, state, now);
  if (!elapsed) return null;
  return <>{t(`elapsed.${elapsed.kind}`, { duration: formatDuration(elapsed.ms, locale) })}</>;
}
