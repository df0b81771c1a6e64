// The pure tray menu over the fixture fleet (running, paused, scheduling, crashed): the right
// items, labels and actions, in both languages — and no destroy anywhere, ever.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { translator } from '../../../main/core/i18n.js';
import { buildTrayMenu, pausableRunning, type TrayAction } from '../../../main/shell/tray-menu.js';
import { FIXTURE_IDS, fixtureFleet, fixtureInstance } from '../../support/instances.js';
import { connection, snapshotOf } from './snapshot-fixtures.js';

const en = translator('en').t;
const pt = translator('pt-BR').t;

/** Every item, submenus included, depth first. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function byId(items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const found = flatten(items).find((item) => item.id === id);
  if (!found) throw new Error(`no item ${id} in ${flatten(items).map((i) => i.id).join(', ')}`);
  return found;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

const { running, paused, scheduling, crashed } = FIXTURE_IDS;

describe('buildTrayMenu', () => {
  it('lists the summary, one item per instance, then the app actions, in this order', () => {
    const menu = buildTrayMenu(snapshotOf(), new Set(), en, 'en');
    expect(menu.map((item) => item.id ?? item.type)).toEqual([
      'summary',
      'separator',
      `instance:${running}`,
      `instance:${crashed}`,
      `instance:${scheduling}`,
      `instance:${paused}`,
      'separator',
      'pause-all',
      'separator',
      'open-dashboard',
      'refresh',
      'settings',
      'separator',
      'quit',
    ]);
    expect(byId(menu, 'summary')).toMatchObject({ enabled: false, label: '1 running · 1 paused · $2.87/h · $42.17 credit (≈ 14h)' });
  });

  it('labels each instance with name, id, state and $/h, and offers Pause or Resume', () => {
    const menu = buildTrayMenu(snapshotOf(), new Set(), en, 'en');
    const label = (id: number) => byId(menu, `instance:${id}`).label;
    expect(label(running)).toBe('train-llama-ft (24819031) · Running · $0.41/h');
    expect(label(paused)).toBe('sd-xl-batch (24820377) · Paused · $0.03/h');
    expect(label(scheduling)).toBe('RTX 3090 × 1 (24801166) · Waiting for GPU · $0.0044/h');
    expect(label(crashed)).toBe('h100-eval (24822508) · Crashed · $2.42/h');

    const submenu = (id: number) => (byId(menu, `instance:${id}`).submenu as MenuItemConstructorOptions[]).map((i) => [i.id ?? i.type, i.label, i.enabled]);
    expect(submenu(running)).toEqual([[`pause:${running}`, 'Pause', true], ['separator', undefined, undefined], [`details:${running}`, 'Details…', undefined]]);
    expect(submenu(paused)[0]).toEqual([`resume:${paused}`, 'Resume', true]);
    // A queued resume can be given up, and a crashed container still bills: both pause.
    expect(submenu(scheduling)[0]).toEqual([`pause:${scheduling}`, 'Pause', true]);
    expect(submenu(crashed)[0]).toEqual([`pause:${crashed}`, 'Pause', true]);
  });

  it('has no destroy item, in any language, at any depth', () => {
    for (const [t, locale] of [[en, 'en'], [pt, 'pt-BR']] as const) {
      const items = flatten(buildTrayMenu(snapshotOf(), new Set(), t, locale));
      const words = items.map((item) => `${item.id ?? ''} ${item.label ?? ''} ${item.role ?? ''}`.toLowerCase());
      expect(words.filter((w) => /destr|delet|remov|exclu|apag/.test(w))).toEqual([]);
    }
    const actions: TrayAction[] = [];
    for (const item of flatten(buildTrayMenu(snapshotOf(), new Set(), en, 'en', { dispatch: (a) => actions.push(a) }))) {
      if (item.click) click(item);
    }
    expect(new Set(actions.map((a) => a.type))).toEqual(new Set(['pause', 'resume', 'pauseAll', 'openDashboard', 'refresh', 'quit']));
  });

  it('dispatches what each item is for', () => {
    const dispatch = vi.fn<(action: TrayAction) => void>();
    const menu = buildTrayMenu(snapshotOf(), new Set(), en, 'en', { dispatch });
    click(byId(menu, `pause:${running}`));
    click(byId(menu, `resume:${paused}`));
    click(byId(menu, `details:${crashed}`));
    click(byId(menu, 'pause-all'));
    click(byId(menu, 'open-dashboard'));
    click(byId(menu, 'refresh'));
    click(byId(menu, 'settings'));
    click(byId(menu, 'quit'));
    expect(dispatch.mock.calls.map(([a]) => a)).toEqual([
      { type: 'pause', id: running },
      { type: 'resume', id: paused },
      { type: 'openDashboard', target: { instanceId: crashed } },
      { type: 'pauseAll', ids: [running] },
      { type: 'openDashboard' },
      { type: 'refresh' },
      { type: 'openDashboard', target: { view: 'settings' } },
      { type: 'quit' },
    ]);
  });

  it('"Pause all running…" covers running instances only, and is off when none can be paused', () => {
    const second = fixtureInstance(running, { id: 30000001, name: 'second' });
    const snapshot = snapshotOf([...fixtureFleet(), second]);
    expect(pausableRunning(snapshot, new Set())).toEqual([running, 30000001]);
    expect(pausableRunning(snapshot, new Set([running]))).toEqual([30000001]);
    expect(byId(buildTrayMenu(snapshot, new Set([running, 30000001]), en, 'en'), 'pause-all').enabled).toBe(false);
    const none = snapshotOf([fixtureInstance(paused), fixtureInstance(crashed)]);
    expect(byId(buildTrayMenu(none, new Set(), en, 'en'), 'pause-all')).toMatchObject({ enabled: false, label: 'Pause all running…' });
  });

  it('greys out an instance while an action on it is pending (ours, or the core’s overlay)', () => {
    const pausing = fixtureInstance(running, { state: 'pausing', pending: { kind: 'pause', since: 1 } });
    const menu = buildTrayMenu(snapshotOf([pausing, fixtureInstance(paused)]), new Set([paused]), en, 'en');
    expect(byId(menu, `pause:${running}`).enabled).toBe(false);
    expect(byId(menu, `instance:${running}`).label).toBe('train-llama-ft (24819031) · Pausing · $0.41/h');
    expect(byId(menu, `resume:${paused}`).enabled).toBe(false);
  });

  it('speaks Brazilian Portuguese', () => {
    // Intl separates "US$" from the amount with a no-break space.
    const menu = buildTrayMenu(snapshotOf(), new Set(), pt, 'pt-BR');
    expect(byId(menu, 'summary').label).toBe('1 rodando · 1 pausadas · US$\u00a02,87/h · US$\u00a042,17 de crédito (≈ 14 h)');
    expect(byId(menu, `instance:${scheduling}`).label).toBe('RTX 3090 × 1 (24801166) · Aguardando GPU · US$\u00a00,0044/h');
    expect(byId(menu, `resume:${paused}`).label).toBe('Retomar');
    expect(byId(menu, 'pause-all').label).toBe('Pausar todas rodando…');
    expect(byId(menu, 'open-dashboard').label).toBe('Abrir painel');
    expect(byId(menu, 'quit').label).toBe('Sair do Vast Tray');
  });

  it('says when there is no key, no instance, demo data, or a connection problem', () => {
    const noKey = buildTrayMenu(snapshotOf([], { connection: connection('no_key'), updatedAt: null }), new Set(), en, 'en');
    expect(noKey.map((i) => i.id ?? i.type)).toEqual(['summary', 'separator', 'pause-all', 'separator', 'open-dashboard', 'refresh', 'settings', 'separator', 'quit']);
    expect(byId(noKey, 'summary').label).toBe('Vast Tray: no API key');

    const empty = buildTrayMenu(snapshotOf([]), new Set(), en, 'en');
    expect(byId(empty, 'empty')).toMatchObject({ label: 'No instances', enabled: false });

    const demo = buildTrayMenu(snapshotOf(undefined, { demo: true, connection: connection('rate_limited') }), new Set(), en, 'en');
    expect(demo.slice(0, 3).map((i) => [i.id, i.label, i.enabled])).toEqual([
      ['demo', 'Demo data', false],
      ['status', 'Vast Tray: Vast asked us to slow down; retrying', false],
      ['summary', '1 running · 1 paused · $2.87/h · $42.17 credit (≈ 14h)', false],
    ]);

    const rejected = buildTrayMenu(snapshotOf([], { connection: connection('auth_failed') }), new Set(), en, 'en');
    expect(byId(rejected, 'summary').label).toBe('Vast Tray: API key rejected');
  });

  it('caps a long fleet and points at the dashboard for the rest', () => {
    const many = Array.from({ length: 40 }, (_, i) => fixtureInstance(running, { id: 1000 + i, name: `gpu-${i}` }));
    const dispatch = vi.fn<(action: TrayAction) => void>();
    const menu = buildTrayMenu(snapshotOf(many), new Set(), en, 'en', { dispatch, maxInstances: 25 });
    expect(menu.filter((i) => i.id?.startsWith('instance:'))).toHaveLength(25);
    const more = byId(menu, 'more');
    expect(more.label).toBe('15 more in the dashboard…');
    click(more);
    expect(dispatch).toHaveBeenCalledWith({ type: 'openDashboard' });
  });
});
