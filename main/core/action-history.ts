// The last actions the user asked for, with time, instance and outcome, kept across restarts so the
// dashboard can show them. An action still pending when the app quit is closed as failed on load:
// no action is ever lost, not even to a restart.
import { z } from 'zod';
import { ActionRecordSchema, type ActionRecord } from '../../preload/models.js';
import { english } from './i18n.js';

export const HISTORY_LIMIT = 200;

export class ActionHistory {
  private records: ActionRecord[] = [];

  constructor(
    private readonly persist: (records: ActionRecord[]) => void = () => {},
    private readonly limit = HISTORY_LIMIT,
  ) {}

  load(value: unknown, now: number): void {
    const parsed = z.array(ActionRecordSchema).safeParse(value);
    if (!parsed.success) return;
    let closed = false;
    this.records = parsed.data.slice(0, this.limit).map((record) => {
      if (record.status !== 'pending') return record;
      closed = true;
      return {
        ...record,
        status: 'failed',
        code: 'internal',
        message: english().t('outcome.stopped', { id: record.instanceId }),
        finishedAt: now,
      };
    });
    if (closed) this.persist(this.records);
  }

  /** Newest first. */
  list(): ActionRecord[] {
    return this.records;
  }

  upsert(record: ActionRecord): void {
    const index = this.records.findIndex((r) => r.actionId === record.actionId);
    if (index >= 0) this.records = this.records.map((r, i) => (i === index ? record : r));
    else this.records = [record, ...this.records].slice(0, this.limit);
    this.persist(this.records);
  }
}
