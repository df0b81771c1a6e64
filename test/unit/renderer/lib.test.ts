import { describe, expect, it } from 'vitest';
import { filterRows, sortRows } from '../../../renderer/src/dashboard/table-model';
import { parseHash, routeHash } from '../../../renderer/src/dashboard/useHashRoute';
import { systemLanguage } from '../../../renderer/src/i18n/i18n';
import { costWhilePaused, destroySavingPerMonth, storagePerHour, storagePerMonth } from '../../../renderer/src/lib/costs';
import { sectionOf, sshCommand, toggleActionOf } from '../../../renderer/src/lib/instances';
import { DAY, NOW, instance, paused, running } from './fixtures';

describe('costs of a paused disk', () => {
  const disk = paused({ pausedSince: NOW - 10 * DAY, disk: { sizeGb: 50, usedGb: 10, utilFraction: 0.2 }, price: { runningPerHour: 0.5, storagePerHour: 0.0139, storagePerGbMonth: 0.2, burnPerHour: 0.0139 } });

  it('prices storage per month from $/GB/month × size, and per hour as listed', () => {
    expect(storagePerMonth(disk)).toBeCloseTo(10);
    expect(storagePerHour(disk)).toBe(0.0139);
  });

  it("falls back to Vast's 720-hour month when the disk size is unknown", () => {
    const unknownSize = { ...disk, disk: { sizeGb: null, usedGb: null, utilFraction: null } };
    expect(storagePerMonth(unknownSize)).toBeCloseTo(0.0139 * 720);
    const onlyMonthly = { ...disk, price: { ...disk.price, storagePerHour: null } };
    expect(storagePerHour(onlyMonthly)).toBeCloseTo(10 / 720);
  });

  it('adds up what the disk cost since the pause', () => {
    expect(costWhilePaused(disk, NOW)).toBeCloseTo(0.0139 * 240);
    expect(costWhilePaused(running(), NOW)).toBeNull();
    expect(costWhilePaused({ ...disk, pausedSince: null }, NOW)).toBeNull();
  });

  it('hints at destroying only after the threshold', () => {
    expect(destroySavingPerMonth(disk, NOW, 7)).toBeCloseTo(10);
    expect(destroySavingPerMonth(disk, NOW, 11)).toBeNull();
    expect(destroySavingPerMonth(running(), NOW, 1)).toBeNull();
  });
});

describe('instances', () => {
  it('keeps a row in its section while our action runs', () => {
    expect(sectionOf('pausing')).toBe('running');
    expect(sectionOf('resuming')).toBe('paused');
    expect(sectionOf('scheduling')).toBe('attention');
    expect(sectionOf('crashed')).toBe('attention');
  });

  it('offers Resume for paused rows, Pause for everything that holds or waits for a GPU', () => {
    expect(toggleActionOf(paused(), 'paused')).toBe('resume');
    expect(toggleActionOf(running(), 'crashed')).toBe('pause');
    expect(toggleActionOf(running(), 'scheduling')).toBe('pause');
    const stopping = instance({ state: 'unknown', vast: { actual: 'weird', intended: 'stopped', cur: null, next: null } });
    expect(toggleActionOf(stopping, 'unknown')).toBe('resume');
  });

  it('builds the SSH command Vast shows', () => {
    expect(sshCommand(running({ ssh: { host: 'ssh5.vast.ai', port: 12345 } }))).toBe('ssh -p 12345 root@ssh5.vast.ai');
    expect(sshCommand(running({ ssh: null }))).toBeNull();
  });
});

describe('table model', () => {
  const rows = [
    running({ id: 1, label: 'b', name: 'b', gpu: { name: 'A100', count: 1, utilPercent: null, temperatureC: null, memoryMb: null } }),
    running({ id: 2, label: 'a', name: 'a', gpu: { name: 'H100', count: 8, utilPercent: 50, temperatureC: null, memoryMb: null } }),
    paused({ id: 3, label: 'c', name: 'c' }),
  ].map((i) => ({ instance: i, state: i.state }));

  it('sorts unknown values last in both directions', () => {
    expect(sortRows(rows, { key: 'util', descending: true }, NOW).map((r) => r.instance.id)).toEqual([2, 1, 3]);
    expect(sortRows(rows, { key: 'util', descending: false }, NOW).map((r) => r.instance.id)[2]).not.toBe(2);
    expect(sortRows(rows, { key: 'util', descending: false }, NOW).map((r) => r.instance.id)[0]).toBe(2);
  });

  it('filters by id, name, GPU and group', () => {
    expect(filterRows(rows, 'h100', 'all').map((r) => r.instance.id)).toEqual([2]);
    expect(filterRows(rows, '3', 'all').map((r) => r.instance.id)).toContain(3);
    expect(filterRows(rows, '', 'paused').map((r) => r.instance.id)).toEqual([3]);
  });
});

describe('routes and language', () => {
  it('reads the hashes the shell opens the dashboard with', () => {
    expect(parseHash('#instance/24819031')).toEqual({ view: 'fleet', instanceId: 24819031 });
    expect(parseHash('#settings')).toEqual({ view: 'settings' });
    expect(parseHash('#history')).toEqual({ view: 'history' });
    expect(parseHash('#nonsense')).toEqual({ view: 'fleet', instanceId: null });
    expect(routeHash({ view: 'fleet', instanceId: 5 })).toBe('#instance/5');
  });

  it('follows the OS language when it is one we speak', () => {
    expect(systemLanguage(['pt-BR', 'en-US'])).toBe('pt-BR');
    expect(systemLanguage(['pt-PT'])).toBe('pt-BR');
    expect(systemLanguage(['de-DE', 'en-GB'])).toBe('en');
    expect(systemLanguage(['ja-JP'])).toBe('en');
  });
});
