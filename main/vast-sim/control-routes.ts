// The simulator's control API, under `/__sim/`, a path the real API never uses: seed fleets,
// advance time, take or free GPUs, crash instances, change credit and keys, inject faults, and read
// the log of requests the app sent. No auth: the simulator only ever listens on loopback.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { FaultRuleSchema } from './faults.js';
import { fleetSeeds, parseFleetName } from './fleets.js';
import { RateLimitConfigSchema } from './rate-limits.js';
import { isAdvanceable } from './sim-clock.js';
import { ALL_SCOPES, type Scope, type SimulatorState } from './sim-state.js';

const ScopeSchema = z.enum(['instance_read', 'instance_write', 'user_read']);

const SeedSchema = z.object({
  fleet: z.string().default('demo'),
  credit: z.number().optional(),
});
const AdvanceSchema = z.object({ ms: z.number().int().min(0).max(365 * 86_400_000) });
const KeysSchema = z.object({
  add: z.array(z.object({ key: z.string().min(1), scopes: z.array(ScopeSchema).optional() })).optional(),
  revoke: z.array(z.string()).optional(),
});
const CreditSchema = z.object({ credit: z.number() });
const FaultsSchema = z.object({ rules: z.array(FaultRuleSchema) });
const InstanceEventSchema = z.object({
  event: z.enum(['take_gpu', 'free_gpu', 'crash', 'offline', 'online']),
  message: z.string().optional(),
});

function bad(reply: FastifyReply, error: z.ZodError | string): FastifyReply {
  return reply.code(400).send({ success: false, error: 'invalid_args', msg: typeof error === 'string' ? error : z.prettifyError(error) });
}

export function registerControlRoutes(app: FastifyInstance, state: SimulatorState): void {
  const { fleet, faults, limiter, keys, clock } = state;

  app.get('/__sim/state', async () => ({
    now: clock.now(),
    credit: fleet.getCredit(),
    instances: fleet.rows(),
    faults: faults.list(),
    rateLimits: limiter.config,
    snapshots: fleet.snapshots,
  }));

  app.post('/__sim/seed', async (request, reply) => {
    const parsed = SeedSchema.safeParse(request.body ?? {});
    if (!parsed.success) return bad(reply, parsed.error);
    const name = parseFleetName(parsed.data.fleet);
    if (!name) return bad(reply, `Unknown fleet "${parsed.data.fleet}": use demo, empty or large:N`);
    fleet.seed(fleetSeeds(name, clock.now()), parsed.data.credit);
    return { success: true, instances: fleet.size };
  });

  app.post('/__sim/advance', async (request, reply) => {
    const parsed = AdvanceSchema.safeParse(request.body);
    if (!parsed.success) return bad(reply, parsed.error);
    if (!isAdvanceable(clock)) {
      return reply.code(409).send({ success: false, error: 'clock_not_manual', msg: 'Start the simulator with --manual-clock to advance time.' });
    }
    await clock.advance(parsed.data.ms);
    return { success: true, now: clock.now() };
  });

  app.post('/__sim/keys', async (request, reply) => {
    const parsed = KeysSchema.safeParse(request.body);
    if (!parsed.success) return bad(reply, parsed.error);
    for (const { key, scopes } of parsed.data.add ?? []) keys.set(key, new Set<Scope>(scopes ?? ALL_SCOPES));
    for (const key of parsed.data.revoke ?? []) keys.delete(key);
    return { success: true, keys: keys.size };
  });

  app.post('/__sim/credit', async (request, reply) => {
    const parsed = CreditSchema.safeParse(request.body);
    if (!parsed.success) return bad(reply, parsed.error);
    fleet.setCredit(parsed.data.credit);
    return { success: true, credit: fleet.getCredit() };
  });

  app.post('/__sim/faults', async (request, reply) => {
    const parsed = FaultsSchema.safeParse(request.body);
    if (!parsed.success) return bad(reply, parsed.error);
    faults.set(parsed.data.rules);
    return { success: true, faults: faults.list() };
  });

  app.delete('/__sim/faults', async () => {
    faults.clear();
    return { success: true };
  });

  app.post('/__sim/rate-limits', async (request, reply) => {
    const parsed = RateLimitConfigSchema.safeParse(request.body);
    if (!parsed.success) return bad(reply, parsed.error);
    limiter.configure(parsed.data);
    return { success: true, rateLimits: limiter.config };
  });

  app.post<{ Params: { id: string } }>('/__sim/instances/:id', async (request, reply) => {
    const parsed = InstanceEventSchema.safeParse(request.body);
    if (!parsed.success) return bad(reply, parsed.error);
    const id = Number(request.params.id);
    const { event, message } = parsed.data;
    const done =
      event === 'take_gpu'
        ? fleet.takeGpu(id)
        : event === 'free_gpu'
          ? fleet.freeGpu(id)
          : event === 'crash'
            ? fleet.crash(id, message)
            : fleet.setHostOffline(id, event === 'offline');
    if (!done) return reply.code(404).send({ success: false, error: 'no_such_instance', msg: `Instance ${id} not found.` });
    return { success: true, instance: fleet.row(id) };
  });

  app.get('/__sim/requests', async () => ({ requests: state.requests }));
  app.delete('/__sim/requests', async () => {
    state.requests.length = 0;
    return { success: true };
  });
}
