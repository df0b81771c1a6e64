// Typed, schema-validated settings, persisted as JSON in the app's data folder. A file that does
// not parse or does not validate is kept aside as `settings.corrupt-<time>.json` and replaced by
// the defaults, with a notice; older versions are migrated forward.
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
  SettingsPatchSchema,
  SettingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../preload/models.js';
import { Emitter } from './emitter.js';
import { SerialWriter, readJson } from './json-file.js';


export { DEFAULT_SETTINGS };

type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/**
 * `MIGRATIONS[n]` turns a version-n file into version n+1. Version 0 is a file written before
 * settings carried a version: whatever it holds is laid over the defaults.
 */
const MIGRATIONS: Record<number, Migration> = {
  0: (raw) => mergeDeep(structuredClone(DEFAULT_SETTINGS), raw, { version: 1 }),
};

export interface SettingsEvents extends Record<string, unknown> {
  changed: { settings: Settings; previous: Settings };
  reset: { backupPath: string | null; reason: string };
}

export class SettingsStore {
  readonly events = new Emitter<SettingsEvents>();
  private current: Settings = structuredClone(DEFAULT_SETTINGS);
  private readonly writer: SerialWriter;
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, 'settings.json');
    this.writer = new SerialWriter(this.path);
  }

  get(): Settings {
    return this.current;
  }

  /** Reads the file once at start-up. Never throws for a bad file: falls back to the defaults. */
  async load(): Promise<Settings> {
    const read = await readJson(this.path);
    if (read.status === 'missing') {
      this.current = structuredClone(DEFAULT_SETTINGS);
      return this.current;
    }
    if (read.status === 'corrupt') return this.resetCorrupt('The settings file is not valid JSON.');
    const migrated = migrate(read.value);
    const parsed = migrated ? SettingsSchema.safeParse(migrated) : null;
    if (!parsed?.success) return this.resetCorrupt('The settings file does not match what this version expects.');
    this.current = parsed.data;
    if (migrated !== read.value) await this.writer.write(this.current);
    return this.current;
  }

  /** Applies a partial change, validates the result, persists it and emits `changed`. */
  async update(patch: SettingsPatch): Promise<Settings> {
    const checked = SettingsPatchSchema.parse(patch);
    const previous = this.current;
    const next = SettingsSchema.parse(
      mergeDeep(structuredClone(previous), checked),
    );
    this.current = next;
    await this.writer.write(next);
    this.events.emit('changed', { settings: next, previous });
    return next;
  }

  private async resetCorrupt(reason: string): Promise<Settings> {
    const backupPath = join(this.path, '..', `settings.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    let kept: string | null = backupPath;
    try {
      await rename(this.path, backupPath);
    } catch {
      kept = null;
    }
    this.current = structuredClone(DEFAULT_SETTINGS);
    await this.writer.write(this.current);
    this.events.emit('reset', { backupPath: kept, reason });
    return this.current;
  }
}

/** Runs migrations from the file's version up to the current one; null when it cannot. */
function migrate(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  let raw = value as Record<string, unknown>;
  let version = typeof raw['version'] === 'number' ? raw['version'] : 0;
  if (version > SETTINGS_VERSION) return null;
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) return null;
    raw = step(raw);
    version += 1;
  }
  return raw;
}

/** Lays each source over the target: objects merge key by key, everything else replaces. */
export function mergeDeep(target: Record<string, unknown>, ...sources: Array<Record<string, unknown>>): Record<string, unknown> {
  for (const source of sources) {
    for (const [key, value] of Object.entries(source)) {
      if (value === undefined) continue;
      const existing = target[key];
      if (isPlainObject(value) && isPlainObject(existing)) target[key] = mergeDeep({ ...existing }, value);
      else target[key] = value;
    }
  }
  return target;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
