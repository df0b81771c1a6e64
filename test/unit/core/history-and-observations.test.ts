import { describe, expect, it } from 'vitest';
import type { ActionRecord } from '../../../preload/models.js';
import { ActionHistory } from '../../../main/core/action-history.js';
import { Observations } from '../../../main/core/observations.js';
import { FIXTURE_IDS, fixtureInstance } from '../../support/instances.js';

const record = (id: string, status: ActionRecord['status']): ActionRecord => ({
  actionId: id,
  instanceId: FIXTURE_IDS.running,
  instanceName: 'train-llama-ft',
  kind: 'pause',
  status,
  code: null,
  message: '',
  requestedAt: 1,
  finishedAt: status === 'pending' ? null : 2,
});

describe('ActionHistory', () => {
  it('keeps the newest first, updates in place and caps its length', () => {
    const saved: ActionRecord[][] = [];
    const history = new ActionHistory((records) => saved.push(records), 3);
    for (const id of ['a', 'b', 'c', 'd']) history.upsert(record(id, 'pending'));
    history.upsert(record('c', 'done'));
    expect(history.list().map((r) => [r.actionId, r.status])).toEqual([
      ['d', 'pending'],
      ['c', 'done'],
      ['b', 'pending'],
    ]);
    expect(saved).toHaveLength(5);
  });

  it('closes actions left pending by a previous run as failed: none is lost to a restart', () => {
    const saved: ActionRecord[][] = [];
    const history = new ActionHistory((records) => saved.push(records));
    history.load([record('x', 'pending'), record('y', 'done'), { nonsense: true }], 99);
    expect(history.list()).toEqual([]); // one bad record: the file is not trusted
    history.load([record('x', 'pending'), record('y', 'done')], 99);
    expect(history.list()[0]).toMatchObject({ actionId: 'x', status: 'failed', finishedAt: 99 });
    expect(history.list()[0]?.message).toContain('closed before');
    expect(saved).toHaveLength(1);
  });
});

describe('Observations', () => {
  it('remembers since when an instance is paused or waiting, and forgets when it is not', () => {
    const saved: unknown[] = [];
    const observations = new Observations((file) => saved.push(file));
    const paused = fixtureInstance(FIXTURE_IDS.paused);
    const waiting = fixtureInstance(FIXTURE_IDS.scheduling);
    let out = observations.observe([paused, waiting], 1_000);
    expect(out.map((i) => [i.pausedSince, i.waitingSince])).toEqual([
      [1_000, null],
      [null, 1_000],
    ]);
    out = observations.observe([paused, waiting], 5_000);
    expect(out[0]?.pausedSince).toBe(1_000);
    out = observations.observe([{ ...paused, state: 'running' }], 9_000);
    expect(out[0]?.pausedSince).toBeNull();
    expect(saved).toHaveLength(2);

    const restored = new Observations();
    restored.load(saved[0]);
    expect(restored.observe([paused], 20_000)[0]?.pausedSince).toBe(1_000);
  });
});
