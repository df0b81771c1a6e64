// The tray's three looks, its tooltip (product.md: "2 running · 1 paused · $1.24/h · $42.17
// credit (≈34 h)") and its macOS title.
import { describe, expect, it } from 'vitest';
import type { Instance } from '../../../preload/models.js';
import { translator } from '../../../main/core/i18n.js';
import { DEFAULT_SETTINGS } from '../../../main/core/settings-store.js';
import { trayLook, trayTitle, trayTooltip } from '../../../main/shell/tray-look.js';
import { FIXTURE_IDS, fixtureInstance } from '../../support/instances.js';
import { connection, snapshotOf } from './snapshot-fixtures.js';

const en = translator('en').t;
const NOW = 1_800_000_000_000;
const settings = DEFAULT_SETTINGS; // low credit $5, runway 12 h, still waiting after 10 min

function priced(id: number, state: Instance['state'], burnPerHour: number): Instance {
  const base = fixtureInstance(state === 'paused' ? FIXTURE_IDS.paused : FIXTURE_IDS.running);
  return { ...base, id, state, price: { ...base.price, burnPerHour } };
}

/** The product's example fleet: two running, one paused, $1.24/h, $42.17 credit. */
const example = [priced(1, 'running', 0.6), priced(2, 'running', 0.62), priced(3, 'paused', 0.02)];

describe('trayLook', () => {
  it('is idle when nothing holds a GPU', () => {
    expect(trayLook(snapshotOf([priced(3, 'paused', 0.02)]), settings, NOW)).toBe('idle');
    expect(trayLook(snapshotOf([]), settings, NOW)).toBe('idle');
  });

  it('is running when something runs (or is on its way)', () => {
    expect(trayLook(snapshotOf(example), settings, NOW)).toBe('running');
    expect(trayLook(snapshotOf([priced(1, 'starting', 0.5)]), settings, NOW)).toBe('running');
  });

  it('asks for attention: crashed, host offline, a long wait for a GPU, low credit, short runway, key rejected', () => {
    const cases: Array<[string, Parameters<typeof snapshotOf>]> = [
      ['crashed', [[...example, fixtureInstance(FIXTURE_IDS.crashed)]]],
      ['offline', [[...example, priced(9, 'offline', 0.1)]]],
      ['waiting 11 min', [[...example, { ...fixtureInstance(FIXTURE_IDS.scheduling), waitingSince: NOW - 11 * 60_000 }]]],
      ['low credit', [example, { account: { credit: 4.99, email: null, username: null } }]],
      ['runway under 12 h', [example, { account: { credit: 14, email: null, username: null } }]],
      ['key rejected', [[], { connection: connection('auth_failed') }]],
    ];
    for (const [what, args] of cases) expect(trayLook(snapshotOf(...args), settings, NOW), what).toBe('attention');
  });

  it('a resume waiting for a GPU is not yet a problem before the "still waiting" time', () => {
    const waiting = { ...fixtureInstance(FIXTURE_IDS.scheduling), waitingSince: NOW - 9 * 60_000 };
    expect(trayLook(snapshotOf([...example, waiting]), settings, NOW)).toBe('running');
  });
});

describe('trayTooltip and trayTitle', () => {
  it('reads like the product says', () => {
    const snapshot = snapshotOf(example);
    expect(trayTooltip(snapshot, en, 'en')).toBe('2 running · 1 paused · $1.24/h · $42.17 credit (≈ 34h)');
    expect(trayTitle(snapshot, 'en')).toBe('$1.24/h');
  });

  it('without credit information, or with nothing burning', () => {
    expect(trayTooltip(snapshotOf(example, { account: null }), en, 'en')).toBe('2 running · 1 paused · $1.24/h');
    expect(trayTooltip(snapshotOf([]), en, 'en')).toBe('0 running · 0 paused · $0.00/h · $42.17 credit');
    expect(trayTitle(snapshotOf([]), 'en')).toBe('');
  });

  it('says what is wrong, marks demo data and stale numbers', () => {
    expect(trayTooltip(snapshotOf([], { connection: connection('no_key'), updatedAt: null }), en, 'en')).toBe('Vast Tray: no API key');
    expect(trayTooltip(snapshotOf([], { connection: connection('offline'), updatedAt: null }), en, 'en')).toBe('Vast Tray: offline');
    expect(trayTooltip(snapshotOf(example, { connection: connection('offline') }), en, 'en')).toBe(
      'Vast Tray: offline · 2 running · 1 paused · $1.24/h · $42.17 credit (≈ 34h)',
    );
    expect(trayTooltip(snapshotOf(example, { demo: true }), en, 'en')).toBe('Demo data · 2 running · 1 paused · $1.24/h · $42.17 credit (≈ 34h)');
    expect(trayTitle(snapshotOf([], { connection: connection('no_key') }), 'en')).toBe('');
  });

  it('in Brazilian Portuguese', () => {
    expect(trayTooltip(snapshotOf(example), translator('pt-BR').t, 'pt-BR')).toBe(
      '2 rodando · 1 pausadas · US$\u00a01,24/h · US$\u00a042,17 de crédito (≈ 34 h)',
    );
  });
});
