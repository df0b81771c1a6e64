// The commands table served by both IPC and HTTP, tested directly: every command validates its
// input, answers the contract's result shape, and turns errors into values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, COMMAND_NAMES, resultSchema, type CommandName } from '../../preload/contract.js';
import { createCommands, type CommandHandlers } from '../../main/commands.js';
import { createHarness, type Harness } from '../support/core-harness.js';
import { TEST_KEY } from '../support/sim.js';

const RUNNING = 24819031;
const PAUSED = 24820377;
let h: Harness;
let commands: CommandHandlers;
const opened: string[] = [];
const loginItems: boolean[] = [];

beforeAll(async () => {
  h = await createHarness();
  commands = createCommands(h.core, {
    openExternal: async (url) => {
      opened.push(url);
    },
    setLaunchAtLogin: async (enabled) => {
      loginItems.push(enabled);
    },
  });
});
afterAll(async () => {
  await h.close();
});

/** Calls a command while driving the clock, and checks the reply against the contract. */
async function call<K extends CommandName>(name: K, input?: unknown) {
  let reply: Awaited<ReturnType<CommandHandlers[K]>> | undefined;
  void commands[name](input).then((r) => (reply = r as typeof reply));
  await h.runUntil(() => reply !== undefined, { what: name });
  const checked = resultSchema(COMMANDS[name].output).safeParse(reply);
  expect(checked.success, `${name} answered outside its schema: ${JSON.stringify(checked.error?.issues)}`).toBe(true);
  return reply!;
}

describe('commands table', () => {
  it('has one handler per contract command', () => {
    expect(Object.keys(commands).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it('answers reads in the contract shape', async () => {
    const snapshot = await call('getSnapshot');
    expect(snapshot.ok && snapshot.data.instances.length).toBe(7);
    for (const name of ['refresh', 'getAccount', 'getHistory', 'getNotices', 'getSettings', 'getKeyStatus'] as const) {
      expect((await call(name)).ok).toBe(true);
    }
    expect(await call('getKeyStatus')).toEqual({ ok: true, data: { stored: true, last4: TEST_KEY.slice(-4), backend: 'memory', demo: false } });
  });

  it('rejects bad input with invalid_input and a readable message, before the core sees it', async () => {
    const before = h.sim.requests.length;
    expect(await call('pauseInstance', 'abc')).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await call('pauseInstance', -4)).toMatchObject({ ok: false, code: 'invalid_input' });
    const label = await call('labelInstance', { id: RUNNING, label: 'x'.repeat(1025) });
    expect(label).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(!label.ok && label.message).toContain('label: A label can be at most 1024 characters.');
    expect(await call('updateSettings', { refresh: { fastSeconds: 0 } })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await call('openExternal', 'http://example.com')).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await call('openExternal', 'javascript:alert(1)')).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(h.sim.requests.length).toBe(before);
    expect(opened).toEqual([]);
  });

  it('runs actions and returns their outcome', async () => {
    const paused = await call('pauseInstance', RUNNING);
    expect(paused).toMatchObject({ ok: true, data: { status: 'done', message: `Instance ${RUNNING} paused` } });
    const bulk = await call('resumeInstances', [RUNNING, PAUSED]);
    expect(bulk.ok && bulk.data.outcomes.map((o) => o.status)).toEqual(['done', 'done']);
    const history = await call('getHistory');
    expect(history.ok && history.data.length).toBeGreaterThanOrEqual(3);
  });

  it('destroy needs the typed id', async () => {
    const refused = await call('destroyInstance', { id: PAUSED, confirmation: '' });
    expect(refused).toMatchObject({ ok: true, data: { status: 'failed', code: 'confirmation_required' } });
    expect(h.sim.fleet.has(PAUSED)).toBe(true);
  });

  it('updates settings and tells the platform about launch at login', async () => {
    const updated = await call('updateSettings', { launchAtLogin: true, refresh: { normalSeconds: 20 } });
    expect(updated.ok && updated.data.refresh.normalSeconds).toBe(20);
    expect(loginItems).toEqual([true]);
  });

  it('tests keys: a wrong one explains the 401, and is not stored', async () => {
    const wrong = await call('testKey', 'definitely-wrong-key');
    expect(wrong).toMatchObject({ ok: true, data: { valid: false, code: 'auth' } });
    expect(wrong.ok && wrong.data.message).toContain('401');
    const set = await call('setKey', 'definitely-wrong-key');
    expect(set).toMatchObject({ ok: false, code: 'auth' });
    expect(await call('getKeyStatus')).toMatchObject({ ok: true, data: { last4: TEST_KEY.slice(-4) } });
    const good = await call('testKey', TEST_KEY);
    expect(good).toMatchObject({ ok: true, data: { valid: true, account: { email: 'ada@example.com' } } });
  });

  it('opens only https links, through the platform', async () => {
    expect(await call('openExternal', 'https://cloud.vast.ai/manage-keys/')).toEqual({ ok: true, data: null });
    expect(opened).toEqual(['https://cloud.vast.ai/manage-keys/']);
  });

  it('reports what this face cannot do as unavailable', async () => {
    expect(await call('getLocalApi')).toMatchObject({ ok: false, code: 'unavailable' });
    expect(await call('startDemo')).toMatchObject({ ok: false, code: 'unavailable' });
  });

  it('clears the key: the fleet goes to "no key"', async () => {
    expect(await call('clearKey')).toMatchObject({ ok: true, data: { stored: false, last4: null } });
    const snapshot = await call('getSnapshot');
    expect(snapshot.ok && snapshot.data.connection.status).toBe('no_key');
    expect(snapshot.ok && snapshot.data.instances).toEqual([]);
  });
});
