// The preload bridge: `window.vast`, exactly the contract's BridgeApi and nothing else — one
// function per command (each an `invoke` on its channel) and one `onX(cb) => unsubscribe` per
// event. The page never gets ipcRenderer, nor the IPC event object. Sandboxed preloads cannot
// require local files, so scripts/build.mjs bundles this into one file; it may import only
// `electron` and the zod-free channel list (types come from the contract).
import { contextBridge, ipcRenderer } from 'electron';
import {
  COMMAND_CHANNELS,
  COMMAND_NAMES,
  EVENT_CHANNELS,
  EVENT_NAMES,
  SUBSCRIBE_CHANNEL,
  subscriptionName,
  type EventName,
  type SubscribeMessage,
} from './channels.js';
// Types only: the zod schemas stay out of the preload bundle (main validates everything anyway).
import type { BridgeApi, Result } from './contract.js';

/** The part of ipcRenderer the bridge uses. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const NO_ANSWER: Result<never> = {
  ok: false,
  code: 'internal',
  message: 'Vast Tray did not answer. Please try again, or restart the app.',
};

export function createBridge(ipc: BridgeIpc): BridgeApi {
  const api: Record<string, unknown> = {};

  for (const name of COMMAND_NAMES) {
    const channel = COMMAND_CHANNELS[name];
    // Exactly one argument crosses, whatever the page passes. Main answers with result objects
    // and never throws; should the call itself fail (main gone, no handler), say so as a result too.
    api[name] = (input?: unknown): Promise<unknown> => ipc.invoke(channel, input).catch(() => NO_ANSWER);
  }

  for (const event of EVENT_NAMES) api[subscriptionName(event)] = subscriber(ipc, event);

  return api as BridgeApi;
}

/** `onX(cb)`: one IPC listener per event, shared by the page's callbacks; main is told on the first and the last. */
function subscriber(ipc: BridgeIpc, event: EventName): (callback: (payload: unknown) => void) => () => void {
  const channel = EVENT_CHANNELS[event];
  const callbacks = new Set<(payload: unknown) => void>();
  // The page sees the payload only: never the IpcRendererEvent (it holds `sender`, i.e. ipcRenderer).
  const listener = (_event: unknown, payload: unknown): void => {
    for (const callback of [...callbacks]) {
      try {
        callback(payload);
      } catch (error) {
        console.error(`[vast] a listener for ${event} failed:`, error);
      }
    }
  };

  return (callback) => {
    if (typeof callback !== 'function') throw new TypeError(`${subscriptionName(event)} expects a function`);
    // The same function subscribed twice is two subscriptions, each with its own unsubscribe.
    const entry = (payload: unknown): void => callback(payload);
    if (callbacks.size === 0) {
      ipc.on(channel, listener);
      ipc.send(SUBSCRIBE_CHANNEL, { event, subscribed: true } satisfies SubscribeMessage);
    }
    callbacks.add(entry);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      callbacks.delete(entry);
      if (callbacks.size === 0) {
        ipc.removeListener(channel, listener);
        ipc.send(SUBSCRIBE_CHANNEL, { event, subscribed: false } satisfies SubscribeMessage);
      }
    };
  };
}

// The page gets the bridge built over ipcRenderer, never ipcRenderer itself.
const vast = createBridge(ipcRenderer);
contextBridge.exposeInMainWorld('vast', vast);
