// Sleep and wake: no polling while the machine sleeps; on wake, what we show may be hours old,
// so the core refreshes at once.
import { powerMonitor } from 'electron';

export function followPower(fleet: { suspend(): void; wake(): void }): () => void {
  const onSuspend = (): void => fleet.suspend();
  const onResume = (): void => fleet.wake();
  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('resume', onResume);
  return () => {
    powerMonitor.removeListener('suspend', onSuspend);
    powerMonitor.removeListener('resume', onResume);
  };
}
