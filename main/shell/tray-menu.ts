// The tray's context menu, as a pure function of the fleet (product.md, "Tray menu"): a summary
// line; one item per instance (label or GPU × n, id, state, $/h) with Pause or Resume; "Pause all
// running…"; Open dashboard; Refresh now; Settings; Quit. On Linux a click on the icon may never
// arrive, so everything the popover offers is here too. There is no destroy in the tray, ever.
import type { MenuItemConstructorOptions } from 'electron';
import type { DashboardTarget } from '../../preload/contract.js';
import { formatPerHour } from '../../preload/format.js';
import type { DisplayState, FleetSnapshot, Instance } from '../../preload/models.js';
import { traySummary, type Translate } from './tray-look.js';

/** What a menu click asks for; tray.ts carries it out. */
export type TrayAction =
  | { type: 'pause'; id: number }
  | { type: 'resume'; id: number }
  | { type: 'pauseAll'; ids: number[] }
  | { type: 'openDashboard'; target?: DashboardTarget }
  | { type: 'refresh' }
  | { type: 'quit' };

export interface TrayMenuOptions {
  dispatch?: (action: TrayAction) => void;
  /** A menu is not a table: past this many instances, one "N more in the dashboard…" item. */
  maxInstances?: number;
}

export const DEFAULT_MAX_INSTANCES = 25;

/** Our own action is in flight: the item shows it and offers nothing until it ends. */
const IN_FLIGHT = new Set<DisplayState>(['pausing', 'resuming', 'rebooting']);

type Section = 'running' | 'attention' | 'paused';
const SECTION_ORDER: Section[] = ['running', 'attention', 'paused'];

/** The popover's grouping (renderer/src/lib/instances.ts), so both faces list instances alike. */
function sectionOf(state: DisplayState): Section {
  if (state === 'paused' || state === 'resuming') return 'paused';
  if (state === 'crashed' || state === 'offline' || state === 'scheduling' || state === 'unknown') return 'attention';
  return 'running';
}

/**
 * The one action an instance offers, as in the popover: everything that holds or wants a GPU can
 * be paused (a crashed container still bills; a queued resume can be given up); a paused one resumes.
 */
export function toggleActionOf(instance: Instance): 'pause' | 'resume' {
  if (instance.state === 'paused' || instance.state === 'resuming') return 'resume';
  if (instance.state === 'unknown') return instance.vast.intended === 'stopped' ? 'resume' : 'pause';
  return 'pause';
}

function isBusy(instance: Instance, pending: ReadonlySet<number>): boolean {
  return pending.has(instance.id) || instance.pending !== null || IN_FLIGHT.has(instance.state);
}

/** The instances "Pause all running…" pauses: running, and not already in the middle of something. */
export function pausableRunning(snapshot: FleetSnapshot, pending: ReadonlySet<number>): number[] {
  return snapshot.instances.filter((i) => i.state === 'running' && !isBusy(i, pending)).map((i) => i.id);
}

export function buildTrayMenu(
  snapshot: FleetSnapshot,
  pending: ReadonlySet<number>,
  t: Translate,
  locale: string,
  options: TrayMenuOptions = {},
): MenuItemConstructorOptions[] {
  const dispatch = options.dispatch ?? (() => undefined);
  const maxInstances = options.maxInstances ?? DEFAULT_MAX_INSTANCES;
  const on = (action: TrayAction) => () => dispatch(action);
  const { status } = snapshot.connection;
  const items: MenuItemConstructorOptions[] = [];

  if (snapshot.demo) items.push({ id: 'demo', label: t('tray.demo'), enabled: false });
  if (status === 'rate_limited') items.push({ id: 'status', label: t('tray.rateLimited'), enabled: false });
  else if (status === 'offline' && snapshot.updatedAt !== null) items.push({ id: 'status', label: t('tray.offline'), enabled: false });
  items.push({ id: 'summary', label: traySummary(snapshot, t, locale), enabled: false });

  if (status !== 'no_key') {
    items.push({ type: 'separator' });
    const ordered = orderForMenu(snapshot.instances);
    for (const instance of ordered.slice(0, maxInstances)) items.push(instanceItem(instance, pending, t, locale, on));
    if (ordered.length > maxInstances) {
      items.push({ id: 'more', label: t('tray.more', { count: ordered.length - maxInstances }), click: on({ type: 'openDashboard' }) });
    }
    if (ordered.length === 0 && snapshot.updatedAt !== null) items.push({ id: 'empty', label: t('tray.empty'), enabled: false });
  }

  const running = pausableRunning(snapshot, pending);
  items.push(
    { type: 'separator' },
    { id: 'pause-all', label: t('tray.pauseAll'), enabled: running.length > 0, click: on({ type: 'pauseAll', ids: running }) },
    { type: 'separator' },
    { id: 'open-dashboard', label: t('tray.openDashboard'), click: on({ type: 'openDashboard' }) },
    { id: 'refresh', label: t('tray.refresh'), enabled: status !== 'no_key', click: on({ type: 'refresh' }) },
    { id: 'settings', label: t('tray.settings'), click: on({ type: 'openDashboard', target: { view: 'settings' } }) },
    { type: 'separator' },
    { id: 'quit', label: t('tray.quit'), click: on({ type: 'quit' }) },
  );
  return items;
}

function instanceItem(
  instance: Instance,
  pending: ReadonlySet<number>,
  t: Translate,
  locale: string,
  on: (action: TrayAction) => () => void,
): MenuItemConstructorOptions {
  const action = toggleActionOf(instance);
  const busy = isBusy(instance, pending);
  return {
    id: `instance:${instance.id}`,
    label: t('tray.instance', {
      name: instance.name,
      id: instance.id,
      state: t(`state.${instance.state}`),
      price: formatPerHour(instance.price.burnPerHour, locale),
    }),
    submenu: [
      {
        id: `${action}:${instance.id}`,
        label: t(action === 'pause' ? 'tray.pause' : 'tray.resume'),
        enabled: !busy,
        click: on({ type: action, id: instance.id }),
      },
      { type: 'separator' },
      { id: `details:${instance.id}`, label: t('tray.details'), click: on({ type: 'openDashboard', target: { instanceId: instance.id } }) },
    ],
  };
}

/** Running first, then what needs attention, then paused; the most expensive first within each. */
function orderForMenu(instances: readonly Instance[]): Instance[] {
  return [...instances].sort(
    (a, b) =>
      SECTION_ORDER.indexOf(sectionOf(a.state)) - SECTION_ORDER.indexOf(sectionOf(b.state)) ||
      b.price.burnPerHour - a.price.burnPerHour ||
      a.name.localeCompare(b.name) ||
      a.id - b.id,
  );
}
