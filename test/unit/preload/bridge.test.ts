// The preload exposes exactly the contract's functions on `window.vast` — one per command, one
// `onX` per event — and nothing else; commands invoke their channel with one argument; listeners
// get the payload only, never the IPC event; the subscription messages match what main serves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS, COMMAND_NAMES, EVENTS, EVENT_NAMES, subscriptionName, type BridgeApi } from '../../../preload/contract.js';
import { SUBSCRIBE_CHANNEL, SubscribeMessageSchema } from '../../../preload/contract.js';
import { contextBridge, ipcRenderer } from '../../support/fake-electron.js';

vi.mock('electron', () => import('../../support/fake-electron.js'));

let vast: BridgeApi;
let exposedKeys: string[];

beforeAll(async () => {
  contextBridge.exposed.clear();
  await import('../../../preload/index.js');
  exposedKeys = [...contextBridge.exposed.keys()];
  vast = contextBridge.exposed.get('vast') as BridgeApi;
});

beforeEach(() => {
  ipcRenderer.invoke.mockClear();
  ipcRenderer.send.mockClear();
});

describe('window.vast', () => {
  it('is the only thing exposed', () => {
    expect(exposedKeys).toEqual(['vast']);
  });

  it('has exactly one function per command and one subscription per event, nothing else', () => {
    const expected = [...COMMAND_NAMES, ...EVENT_NAMES.map(subscriptionName)].sort();
    expect(Object.keys(vast).sort()).toEqual(expected);
    for (const value of Object.values(vast)) expect(typeof value).toBe('function');
    expect(Object.getPrototypeOf(vast)).toBe(Object.prototype);
    expect(Object.values(vast)).not.toContain(ipcRenderer);
  });

  it('each command invokes its own channel with exactly one argument', async () => {
    for (const name of COMMAND_NAMES) {
      const call = vast[name] as (...args: unknown[]) => Promise<unknown>;
      await call(42, 'extra', { more: true });
      expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(COMMANDS[name].channel, 42);
    }
    await vast.getSnapshot();
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('vast:fleet:get', undefined);
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(COMMAND_NAMES.length + 1);
  });

  it('returns main’s result as is, and a result (never a throw) when main does not answer', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, code: 'forbidden', message: 'no' });
    await expect(vast.pauseInstance(1)).resolves.toEqual({ ok: false, code: 'forbidden', message: 'no' });
    ipcRenderer.invoke.mockRejectedValueOnce(new Error("Error invoking remote method 'vast:instances:pause': No handler registered"));
    await expect(vast.pauseInstance(1)).resolves.toEqual({ ok: false, code: 'internal', message: expect.stringContaining('did not answer') as string });
  });
});

describe('subscriptions', () => {
  it('deliver the payload only, never the IPC event', () => {
    const received: unknown[][] = [];
    const off = vast.onFleetChanged((...args: unknown[]) => received.push(args));
    const ipcEvent = { sender: ipcRenderer, senderId: 0, ports: [] };
    ipcRenderer.emit(EVENTS.fleetChanged.channel, ipcEvent, { instances: [] });
    expect(received).toEqual([[{ instances: [] }]]);
    off();
  });

  it('tell main on the first subscriber and after the last, with messages main accepts', () => {
    const a = vi.fn();
    const b = vi.fn();
    const offA = vast.onNotice(a);
    const offB = vast.onNotice(b);
    expect(ipcRenderer.send.mock.calls).toEqual([[SUBSCRIBE_CHANNEL, { event: 'notice', subscribed: true }]]);
    expect(ipcRenderer.listenerCount(EVENTS.notice.channel)).toBe(1);

    ipcRenderer.emit(EVENTS.notice.channel, {}, { id: 'n1' });
    expect(a).toHaveBeenCalledWith({ id: 'n1' });
    expect(b).toHaveBeenCalledWith({ id: 'n1' });

    offA();
    offA(); // twice is harmless
    ipcRenderer.emit(EVENTS.notice.channel, {}, { id: 'n2' });
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
    expect(ipcRenderer.send).toHaveBeenCalledTimes(1);

    offB();
    expect(ipcRenderer.send.mock.calls[1]).toEqual([SUBSCRIBE_CHANNEL, { event: 'notice', subscribed: false }]);
    expect(ipcRenderer.listenerCount(EVENTS.notice.channel)).toBe(0);
    for (const [, message] of ipcRenderer.send.mock.calls) expect(SubscribeMessageSchema.safeParse(message).success).toBe(true);
  });

  it('a failing page listener does not stop the others', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const good = vi.fn();
    const offBad = vast.onSettingsChanged(() => {
      throw new Error('boom');
    });
    const offGood = vast.onSettingsChanged(good);
    ipcRenderer.emit(EVENTS.settingsChanged.channel, {}, { version: 1 });
    expect(good).toHaveBeenCalledTimes(1);
    offBad();
    offGood();
    quiet.mockRestore();
  });

  it('refuses a non-function', () => {
    expect(() => vast.onHistoryChanged('nope' as never)).toThrow(TypeError);
  });
});

describe('the preload source', () => {
  it('imports only electron and the zod-free channel list; the contract for its types alone', () => {
    const source = readFileSync(join(import.meta.dirname, '../../../preload/index.ts'), 'utf8');
    const imports = [...source.matchAll(/^import\s+(type\s+)?[^'"]*['"]([^'"]+)['"]/gm)].map((m) => `${m[1] ? 'type ' : ''}${m[2]}`);
    expect(imports).toEqual(['electron', './channels.js', 'type ./contract.js']);
    const channels = readFileSync(join(import.meta.dirname, '../../../preload/channels.ts'), 'utf8');
    expect(channels).not.toMatch(/^import /m);
  });
});
