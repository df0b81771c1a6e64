// The one Pause-or-Resume button of a row (popover and table).
import { useTranslation } from 'react-i18next';
import type { Instance } from '../../../preload/models';
import { useActions } from '../app/actions-context';
import { isInFlight, toggleActionOf } from '../lib/instances';

export function ToggleButton({ instance, className = '' }: { instance: Instance; className?: string }) {
  const { t } = useTranslation();
  const actions = useActions();
  const state = actions.stateOf(instance);
  const action = toggleActionOf(instance, state);
  const inFlight = isInFlight(state);
  // While pausing/resuming the button says so and stays disabled until the outcome.
  const text = inFlight ? t(`buttons.${state}`) : t(`buttons.${action}`);
  return (
    <button
      type="button"
      className={`button ${action === 'resume' && !inFlight ? 'primary' : ''} ${className}`}
      disabled={inFlight || actions.isBusy(instance)}
      aria-label={`${text} ${instance.name}`}
      onClick={() => void actions.run(action, instance)}
    >
      {text}
    </button>
  );
}
