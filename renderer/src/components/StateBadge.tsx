import { useTranslation } from 'react-i18next';
import type { DisplayState } from '../../../preload/models';
import { isMoving, toneOf } from '../lib/instances';

/** The coloured state pill. Colour is never the only cue: the state is always written out. */
export function StateBadge({ state }: { state: DisplayState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge tone-${toneOf(state)}`} data-state={state}>
      {isMoving(state) ? <span className="spinner small" aria-hidden="true" /> : <span className="dot" aria-hidden="true" />}
      {t(`state.${state}`, { defaultValue: t('state.unknown') })}
    </span>
  );
}
