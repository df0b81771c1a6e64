// Fleet snapshots for the shell's tests, built from the recorded fixture instances
// (running, paused, scheduling, crashed) with the core's own money arithmetic.
import type { Account, Connection, FleetSnapshot, Instance } from '../../../preload/models.js';
import { fleetMoney } from '../../../main/core/money.js';
import { fixtureFleet } from '../../support/instances.js';

export const ACCOUNT: Account = { credit: 42.17, email: 'ada@example.com', username: 'ada' };

export function connection(status: Connection['status'] = 'ok'): Connection {
  return { status, message: null, since: 0, nextRetryAt: null };
}

export function snapshotOf(
  instances: Instance[] = fixtureFleet(),
  patch: Partial<Omit<FleetSnapshot, 'money'>> & { account?: Account | null } = {},
): FleetSnapshot {
  const account = patch.account === undefined ? ACCOUNT : patch.account;
  return {
    instances,
    account,
    connection: connection(),
    updatedAt: 1_800_000_000_000,
    demo: false,
    ...patch,
    money: fleetMoney(instances, account),
  };
}
