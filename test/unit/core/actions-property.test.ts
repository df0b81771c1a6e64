// For any sequence of user actions and injected faults, every action ends in exactly one outcome
// (done, queued or failed), nothing stays pending, and the history agrees with what was returned.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionOutcome } from '../../../preload/models.js';
import type { FaultRule } from '../../../main/vast-sim/faults.js';
import { createHarness } from '../../support/core-harness.js';

const IDS = [24819031, 24820377, 24801166, 24822508, 24825590, 24826114, 24790042, 999];

const id = fc.constantFrom(...IDS);
const fault: fc.Arbitrary<FaultRule> = fc.oneof(
  fc.record({ kind: fc.constant('status' as const), status: fc.constantFrom(429, 500, 502, 503), times: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('drop' as const), times: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('malformed' as const), times: fc.integer({ min: 1, max: 3 }) }),
);

type Step =
  | { op: 'pause' | 'resume' | 'reboot' | 'label'; id: number }
  | { op: 'destroy'; id: number; confirm: boolean }
  | { op: 'bulk'; kind: 'pause' | 'resume'; ids: number[] }
  | { op: 'fault'; rule: FaultRule }
  | { op: 'gpu'; id: number; take: boolean }
  | { op: 'advance'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constantFrom('pause' as const, 'resume' as const, 'reboot' as const, 'label' as const), id }),
  fc.record({ op: fc.constant('destroy' as const), id, confirm: fc.boolean() }),
  fc.record({ op: fc.constant('bulk' as const), kind: fc.constantFrom('pause' as const, 'resume' as const), ids: fc.uniqueArray(id, { minLength: 1, maxLength: 4 }) }),
  fc.record({ op: fc.constant('fault' as const), rule: fault }),
  fc.record({ op: fc.constant('gpu' as const), id, take: fc.boolean() }),
  fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 120_000 }) }),
);

describe('actions under random faults (property)', () => {
  it('every action ends in exactly one outcome', { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const h = await createHarness();
        try {
          const tracked: Array<{ readonly outcome: ActionOutcome | undefined; readonly count: number }> = [];
          const bulks: Array<{ done: boolean; outcomes: ActionOutcome[]; count: number }> = [];
          for (const s of steps) {
            switch (s.op) {
              case 'pause':
                tracked.push(h.track(h.core.fleet.pause(s.id)));
                break;
              case 'resume':
                tracked.push(h.track(h.core.fleet.resume(s.id)));
                break;
              case 'reboot':
                tracked.push(h.track(h.core.fleet.reboot(s.id)));
                break;
              case 'label':
                tracked.push(h.track(h.core.fleet.label(s.id, `label-${s.id}`)));
                break;
              case 'destroy':
                tracked.push(h.track(h.core.fleet.destroy(s.id, s.confirm ? String(s.id) : 'nope')));
                break;
              case 'bulk': {
                const entry = { done: false, outcomes: [] as ActionOutcome[], count: 0 };
                bulks.push(entry);
                void (s.kind === 'pause' ? h.core.fleet.pauseMany(s.ids) : h.core.fleet.resumeMany(s.ids)).then((outcomes) => {
                  entry.outcomes = outcomes;
                  entry.done = true;
                  entry.count += 1;
                });
                break;
              }
              case 'fault':
                h.sim.faults.add(s.rule);
                break;
              case 'gpu':
                if (s.take) h.sim.fleet.takeGpu(s.id);
                else h.sim.fleet.freeGpu(s.id);
                break;
              case 'advance':
                await h.advance(s.ms, 1_000);
                break;
            }
            await h.settle();
          }
          h.sim.faults.clear();
          await h.runUntil(() => tracked.every((t) => t.outcome !== undefined) && bulks.every((b) => b.done), {
            maxMs: 20 * 60_000,
            stepMs: 2_000,
            what: 'every action to end',
          });
          await h.settle();

          const outcomes = [...tracked.map((t) => t.outcome as ActionOutcome), ...bulks.flatMap((b) => b.outcomes)];
          if (process.env["FC_DEBUG"]) console.log(JSON.stringify(outcomes.map((o) => `${o.kind}:${o.status}:${o.code ?? ""}`)));
          for (const t of tracked) expect(t.count).toBe(1);
          for (const b of bulks) expect(b.count).toBe(1);
          for (const outcome of outcomes) expect(['done', 'queued', 'failed']).toContain(outcome.status);

          const history = h.core.getHistory();
          expect(history.filter((r) => r.status === 'pending')).toEqual([]);
          for (const outcome of outcomes) {
            const refused = outcome.code === 'busy' || outcome.code === 'confirmation_required';
            const record = history.find((r) => r.actionId === outcome.actionId);
            if (refused) expect(record).toBeUndefined();
            else expect(record?.status).toBe(outcome.status);
          }
          expect(h.core.fleet.snapshot().instances.filter((i) => i.pending !== null)).toEqual([]);
        } finally {
          await h.close();
        }
      }),
      { numRuns: Number(process.env["FC_RUNS"] ?? 30), seed: Number(process.env['FC_SEED'] ?? 20261203), endOnFailure: true },
    );
  });
});
