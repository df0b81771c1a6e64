// The IPC channel names, on their own and free of zod, so the preload bundle (which needs only
// these) stays small. preload/contract.ts builds the full command table on top of them.

export const COMMAND_CHANNELS = {
  getSnapshot: 'vast:fleet:get',
  refresh: 'vast:fleet:refresh',
  pauseInstance: 'vast:instances:pause',
  resumeInstance: 'vast:instances:resume',
  rebootInstance: 'vast:instances:reboot',
  labelInstance: 'vast:instances:label',
  destroyInstance: 'vast:instances:destroy',
  snapshotInstance: 'vast:instances:snapshot',
  pauseInstances: 'vast:instances:pause-many',
  resumeInstances: 'vast:instances:resume-many',
  getAccount: 'vast:account:get',
  getHistory: 'vast:history:get',
  getNotices: 'vast:notices:get',
  getSettings: 'vast:settings:get',
  updateSettings: 'vast:settings:update',
  getKeyStatus: 'vast:key:status',
  testKey: 'vast:key:test',
  setKey: 'vast:key:set',
  clearKey: 'vast:key:clear',
  startDemo: 'vast:demo:start',
  stopDemo: 'vast:demo:stop',
  getLocalApi: 'vast:local-api:get',
  regenerateLocalApiToken: 'vast:local-api:regenerate',
  openExternal: 'vast:shell:open-external',
  openDashboard: 'vast:window:open-dashboard',
} as const;

export type CommandName = keyof typeof COMMAND_CHANNELS;
export const COMMAND_NAMES = Object.keys(COMMAND_CHANNELS) as CommandName[];

export const EVENT_CHANNELS = {
  fleetChanged: 'vast:fleet:changed',
  notice: 'vast:notices:changed',
  settingsChanged: 'vast:settings:changed',
  historyChanged: 'vast:history:changed',
} as const;

export type EventName = keyof typeof EVENT_CHANNELS;
export const EVENT_NAMES = Object.keys(EVENT_CHANNELS) as EventName[];

/** The page tells main which events it wants: `{ event, subscribed }` on this channel. */
export const SUBSCRIBE_CHANNEL = 'vast:events:subscribe';
export interface SubscribeMessage {
  event: EventName;
  subscribed: boolean;
}

/** `onFleetChanged`, `onNotice`, … */
export type SubscriptionName<K extends EventName = EventName> = `on${Capitalize<K>}`;
export function subscriptionName<K extends EventName>(event: K): SubscriptionName<K> {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as SubscriptionName<K>;
}
