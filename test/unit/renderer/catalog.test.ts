// The one string catalog: every key the renderer uses exists in English and in Portuguese, and the
// Portuguese is a translation, not a copy.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_KINDS, ACTION_STATUSES, CONNECTION_STATUSES, DISPLAY_STATES, ERROR_CODES, SECRET_BACKENDS, NotificationTogglesSchema } from '../../../preload/models';
import en from '../../../locales/en.json';
import ptBR from '../../../locales/pt-BR.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const EN = flatten(en);
const PT = flatten(ptBR);
/** i18next resolves `key` through `key_one` / `key_other` when a count is given. */
const has = (catalog: Map<string, string>, key: string) => catalog.has(key) || catalog.has(`${key}_other`);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const UI_SECTIONS = ['common', 'buttons', 'elapsed', 'money', 'banner', 'errors', 'failure', 'fleet', 'popover', 'header', 'dashboard', 'table', 'details', 'labelDialog', 'destroy', 'history', 'toasts', 'login', 'keyForm', 'onboarding', 'settings'];

describe('string catalog', () => {
  it('has the same keys in English and Portuguese', () => {
    const pluralBase = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
    const missingInPt = [...EN.keys()].filter((key) => !has(PT, pluralBase(key)));
    const missingInEn = [...PT.keys()].filter((key) => !has(EN, pluralBase(key)));
    expect({ missingInPt, missingInEn }).toEqual({ missingInPt: [], missingInEn: [] });
  });

  it('has every key the renderer names literally', () => {
    const root = join(import.meta.dirname, '../../../renderer/src');
    const used = new Set<string>();
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z_.-]+)'/g)) used.add(match[1] ?? '');
      // Keys chosen by a condition: t(cond ? 'a.b' : 'c.d').
      for (const match of text.matchAll(/\?\s*'([a-z]+\.[a-zA-Z_.]+)'\s*:\s*'([a-z]+\.[a-zA-Z_.]+)'/g)) {
        used.add(match[1] ?? '');
        used.add(match[2] ?? '');
      }
    }
    expect(used.size).toBeGreaterThan(150);
    const missing = [...used].filter((key) => !has(EN, key) || !has(PT, key));
    expect(missing).toEqual([]);
  });

  it('has every key the renderer builds from a model value', () => {
    const keys = [
      ...DISPLAY_STATES.map((state) => `state.${state}`),
      ...['pause', 'resume', 'pausing', 'resuming', 'rebooting'].map((k) => `buttons.${k}`),
      ...CONNECTION_STATUSES.map((status) => `header.connection.${status}`),
      ...[...CONNECTION_STATUSES.filter((s) => s !== 'ok'), 'forbidden'].map((kind) => `banner.${kind}.title`),
      ...ERROR_CODES.filter((code) => !['vast_error', 'bad_response', 'invalid_input'].includes(code)).map((code) => `errors.${code}`),
      ...ACTION_KINDS.flatMap((kind) => [`history.kinds.${kind}`, `action.${kind}`]),
      ...ACTION_STATUSES.map((status) => `history.status.${status}`),
      ...Object.keys(NotificationTogglesSchema.shape).map((kind) => `settings.notifications.kinds.${kind}`),
      ...SECRET_BACKENDS.map((backend) => `settings.key.backend.${backend}`),
      ...['uptime', 'paused', 'waiting'].map((kind) => `elapsed.${kind}`),
      ...['running', 'attention', 'paused'].map((section) => `popover.sections.${section}`),
    ];
    expect(keys.filter((key) => !EN.has(key) || !PT.has(key))).toEqual([]);
  });

  it('translates the UI into Portuguese rather than copying the English', () => {
    const ui = [...EN.entries()].filter(([key]) => UI_SECTIONS.includes(key.split('.')[0] ?? ''));
    const same = ui.filter(([key, value]) => PT.get(key) === value && value.length > 3);
    // A few strings are the same in both (product names, "GPU", "SSH", units); keep it at that.
    expect(same.length / ui.length).toBeLessThan(0.05);
  });

  it('keeps interpolation placeholders the same in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    const mismatched = [...EN.entries()].filter(([key, value]) => PT.has(key) && placeholders(value).join() !== placeholders(PT.get(key) ?? '').join());
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });
});
