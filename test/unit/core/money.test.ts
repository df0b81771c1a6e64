import { describe, expect, it } from 'vitest';
import {
  costWhilePaused,
  destroySavingPerMonth,
  fleetMoney,
  runwayHours,
  storagePerDay,
  storagePerMonth,
} from '../../../main/core/money.js';
import { FIXTURE_IDS, fixtureFleet, fixtureInstance } from '../../support/instances.js';

const DAY = 86_400_000;
const now = Date.UTC(2026, 11, 3, 12);

describe('fleet money with the fixture numbers', () => {
  const money = fleetMoney(fixtureFleet(), { credit: 42.1735, email: null, username: null });

  it('burn = Σ running dph_total + Σ storage of the rest', () => {
    // running 0.408333 + crashed (still holds its GPU) 2.419444; paused 0.033333 + scheduling 0.004444
    expect(money.runningPerHour).toBeCloseTo(0.408333 + 2.419444, 6);
    expect(money.storagePerHour).toBeCloseTo(0.033333 + 0.004444, 6);
    expect(money.burnPerHour).toBeCloseTo(2.865554, 6);
  });

  it('runway = credit / burn', () => {
    expect(money.runwayHours).toBeCloseTo(42.1735 / 2.865554, 6);
    expect(money.credit).toBe(42.1735);
  });

  it('counts running, paused and needs-attention instances', () => {
    expect(money.counts).toEqual({ total: 4, running: 1, paused: 1, attention: 2, busy: 0 });
  });

  it('has no runway without credit or without burn', () => {
    expect(fleetMoney(fixtureFleet(), null).runwayHours).toBeNull();
    expect(runwayHours(10, 0)).toBeNull();
    expect(runwayHours(-5, 2)).toBe(0);
  });
});

describe('a paused instance', () => {
  const paused = fixtureInstance(FIXTURE_IDS.paused, { pausedSince: now - 10 * DAY });

  it('costs its storage price per day', () => {
    expect(storagePerDay(paused)).toBeCloseTo(0.033333 * 24, 6);
  });

  it('has cost storage × hours since we saw it pause', () => {
    expect(costWhilePaused(paused, now)).toBeCloseTo(0.033333 * 240, 5);
    expect(costWhilePaused(fixtureInstance(FIXTURE_IDS.running), now)).toBeNull();
  });

  it('storage_cost is $/GB/month: 120 GB × $0.20 = $24/month', () => {
    expect(storagePerMonth(paused)).toBeCloseTo(24, 6);
    // and it agrees with the hourly figure × 720 h
    expect((paused.price.storagePerHour ?? 0) * 720).toBeCloseTo(24, 2);
  });

  it('after the threshold, destroying it after a snapshot would save its storage per month', () => {
    expect(destroySavingPerMonth(paused, now, 7)).toBeCloseTo(24, 6);
    expect(destroySavingPerMonth(paused, now, 14)).toBeNull();
    expect(destroySavingPerMonth(fixtureInstance(FIXTURE_IDS.running), now, 0)).toBeNull();
  });
});
