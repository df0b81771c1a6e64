import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsStore } from '../../../main/core/settings-store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vast-tray-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SettingsStore', () => {
  it('starts from the defaults when there is no file', async () => {
    const store = new SettingsStore(dir);
    expect(await store.load()).toEqual(DEFAULT_SETTINGS);
  });

  it('persists a partial change atomically, with nested objects merged, and emits it', async () => {
    const store = new SettingsStore(dir);
    await store.load();
    const seen: unknown[] = [];
    store.events.on('changed', ({ settings, previous }) => seen.push([previous.refresh.normalSeconds, settings.refresh.normalSeconds]));
    await store.update({ refresh: { normalSeconds: 30 }, notifications: { kinds: { paused: false } } });
    expect(store.get().refresh).toEqual({ fastSeconds: 3, normalSeconds: 30, slowSeconds: 60 });
    expect(store.get().notifications.kinds.paused).toBe(false);
    expect(store.get().notifications.kinds.crashed).toBe(true);
    expect(seen).toEqual([[15, 30]]);
    const onDisk = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as { refresh: { normalSeconds: number } };
    expect(onDisk.refresh.normalSeconds).toBe(30);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    if (process.platform !== 'win32') expect((await stat(join(dir, 'settings.json'))).mode & 0o777).toBe(0o600);

    const reopened = new SettingsStore(dir);
    expect((await reopened.load()).refresh.normalSeconds).toBe(30);
  });

  it('rejects values out of range and leaves the settings as they were', async () => {
    const store = new SettingsStore(dir);
    await store.load();
    await expect(store.update({ refresh: { fastSeconds: 1 } })).rejects.toThrow();
    await expect(store.update({ nonsense: true } as never)).rejects.toThrow();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('backs up a corrupt file, falls back to the defaults and says so', async () => {
    await writeFile(join(dir, 'settings.json'), '{ "version": 1, "refresh": ');
    const store = new SettingsStore(dir);
    const resets: Array<string | null> = [];
    store.events.on('reset', ({ backupPath }) => resets.push(backupPath));
    expect(await store.load()).toEqual(DEFAULT_SETTINGS);
    expect(resets).toHaveLength(1);
    const files = await readdir(dir);
    expect(files.some((f) => f.startsWith('settings.corrupt-'))).toBe(true);
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toEqual(DEFAULT_SETTINGS);
  });

  it('treats a file that does not validate like a corrupt one', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, refresh: { fastSeconds: 'soon' } }));
    const store = new SettingsStore(dir);
    let reset = false;
    store.events.on('reset', () => (reset = true));
    await store.load();
    expect(reset).toBe(true);
  });

  it('migrates a file from before settings had a version', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ lowCreditDollars: 20, refresh: { slowSeconds: 120 } }));
    const store = new SettingsStore(dir);
    const settings = await store.load();
    expect(settings).toMatchObject({ version: 1, lowCreditDollars: 20, refresh: { fastSeconds: 3, normalSeconds: 15, slowSeconds: 120 } });
    const onDisk = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as { version: number };
    expect(onDisk.version).toBe(1);
  });

  it('refuses a file from a newer version rather than guessing', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, version: 99 }));
    const store = new SettingsStore(dir);
    let reset = false;
    store.events.on('reset', () => (reset = true));
    expect(await store.load()).toEqual(DEFAULT_SETTINGS);
    expect(reset).toBe(true);
  });
});
