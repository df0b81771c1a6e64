// How the UI groups, orders and acts on instances. Pure functions over the contract's models.
import type { ActionKind, DisplayState, Instance } from '../../../preload/models';

export type Section = 'running' | 'attention' | 'paused';
export type Tone = 'success' | 'info' | 'warning' | 'danger' | 'neutral';
export type ToggleAction = 'pause' | 'resume';

/** What a row shows the moment the user clicks, before the core has said anything. */
export const PENDING_STATE: Partial<Record<ActionKind, DisplayState>> = {
  pause: 'pausing',
  resume: 'resuming',
  reboot: 'rebooting',
};

/** Our own action is in flight: spinner, buttons disabled. */
const IN_FLIGHT = new Set<DisplayState>(['pausing', 'resuming', 'rebooting']);
export const isInFlight = (state: DisplayState): boolean => IN_FLIGHT.has(state);

/** States that show a spinner: something is moving and will settle by itself. */
const MOVING = new Set<DisplayState>(['starting', 'pausing', 'resuming', 'rebooting']);
export const isMoving = (state: DisplayState): boolean => MOVING.has(state);

const TONES: Record<DisplayState, Tone> = {
  running: 'success',
  starting: 'info',
  scheduling: 'warning',
  pausing: 'info',
  resuming: 'info',
  paused: 'neutral',
  crashed: 'danger',
  rebooting: 'info',
  frozen: 'info',
  offline: 'danger',
  unknown: 'neutral',
};
export const toneOf = (state: DisplayState): Tone => TONES[state] ?? 'neutral';

/**
 * Popover sections. A row the user just acted on stays where it was (pausing under Running,
 * resuming under Paused) so it does not jump away from the pointer.
 */
export function sectionOf(state: DisplayState): Section {
  switch (state) {
    case 'paused':
    case 'resuming':
      return 'paused';
    case 'crashed':
    case 'offline':
    case 'scheduling':
    case 'unknown':
      return 'attention';
    default:
      return 'running';
  }
}

/**
 * The one button a row offers. Everything that holds (or is trying to get) a GPU can be paused —
 * including a crashed container, which still bills, and a resume waiting for a GPU, which the
 * user may want to give up. Only a paused instance resumes.
 */
export function toggleActionOf(instance: Instance, state: DisplayState): ToggleAction {
  if (state === 'paused' || state === 'resuming') return 'resume';
  if (state === 'unknown') return instance.vast.intended === 'stopped' ? 'resume' : 'pause';
  return 'pause';
}

/** Order for the state column: what needs the user first, paused last. */
const RANK: Record<DisplayState, number> = {
  crashed: 0,
  offline: 1,
  scheduling: 2,
  unknown: 3,
  frozen: 4,
  starting: 5,
  rebooting: 6,
  pausing: 7,
  resuming: 8,
  running: 9,
  paused: 10,
};
export const stateRank = (state: DisplayState): number => RANK[state] ?? 3;

/** "Up 5 h", "paused 3 d", "waiting 12 min": which clock a row shows, in ms. */
export type Elapsed = { kind: 'uptime' | 'paused' | 'waiting'; ms: number } | null;

export function elapsedOf(instance: Instance, state: DisplayState, now: number): Elapsed {
  if (state === 'paused') return instance.pausedSince === null ? null : { kind: 'paused', ms: now - instance.pausedSince };
  if (state === 'scheduling') return instance.waitingSince === null ? null : { kind: 'waiting', ms: now - instance.waitingSince };
  if (state === 'resuming') return null;
  return instance.uptimeMinutes === null ? null : { kind: 'uptime', ms: instance.uptimeMinutes * 60_000 };
}

/** The SSH command Vast's own console shows. */
export function sshCommand(instance: Instance): string | null {
  return instance.ssh ? `ssh -p ${instance.ssh.port} root@${instance.ssh.host}` : null;
}
