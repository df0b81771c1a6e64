// A real HTTP server on 127.0.0.1 that answers like the Vast API (vast-api.md §0, §2, §5, §9):
// the same paths and trailing slashes, JSON-in-query, body shapes, status codes, error bodies and
// plain-text 429s. Tests, benchmarks and the demo mode run against it; the real API is never called.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { useLenientJson } from '../lib/lenient-json.js';
import { FaultInjector, type FaultRule } from './faults.js';
import { SimFleet, type SimClock, type SimTimings } from './fleet-model.js';
import { fleetSeeds, userRow, type FleetName } from './fleets.js';
import { ListingError, listPage, type ListQuery } from './listing.js';
import { RateLimiter, type Endpoint } from './rate-limits.js';
import { registerControlRoutes } from './control-routes.js';
import { ScaledClock } from './sim-clock.js';
import { ALL_SCOPES, type Scope, type SimulatorState } from './sim-state.js';

export type { RecordedRequest, Scope, SimulatorState } from './sim-state.js';

export interface SimulatorOptions {
  port?: number;
  host?: string;
  clock?: SimClock;
  /** Keys that work; each may be limited to some scopes. Default: `demo-key` with all scopes. */
  keys?: Record<string, readonly Scope[]>;
  fleet?: FleetName;
  credit?: number;
  timings?: Partial<SimTimings>;
  rateLimits?: boolean;
}

export interface RunningSimulator extends SimulatorState {
  readonly url: string;
  readonly port: number;
  readonly app: FastifyInstance;
  close(): Promise<void>;
  /** Counts recorded requests, e.g. `count('PUT', '/api/v0/instances/42/')`. */
  count(method: string, pathPrefix: string): number;
}

const MAX_RECORDED = 20_000;

declare module 'fastify' {
  interface FastifyRequest {
    simFault: FaultRule | null;
  }
}

function vastError(reply: FastifyReply, status: number, error: string | undefined, msg: string): FastifyReply {
  const body: Record<string, unknown> = { success: false };
  if (error) body['error'] = error;
  body['msg'] = msg;
  return reply.code(status).send(body);
}

function parseId(raw: string): number | null {
  return /^\d{1,15}$/.test(raw) ? Number(raw) : null;
}

export function buildSimulator(options: SimulatorOptions = {}): { app: FastifyInstance; state: SimulatorState } {
  const clock = options.clock ?? new ScaledClock(1);
  const fleet = new SimFleet(clock, userRow(), { timings: options.timings, ...(options.credit === undefined ? {} : { credit: options.credit }) });
  fleet.seed(fleetSeeds(options.fleet ?? 'demo', clock.now()));
  const keys = new Map<string, Set<Scope>>(
    Object.entries(options.keys ?? { 'demo-key': ALL_SCOPES }).map(([key, scopes]) => [key, new Set(scopes)]),
  );
  const limiter = new RateLimiter(() => clock.now());
  limiter.configure({ enabled: options.rateLimits ?? false });
  const state: SimulatorState = { fleet, faults: new FaultInjector(), limiter, keys, requests: [], clock };

  const app = Fastify({ logger: false, forceCloseConnections: true });
  app.decorateRequest('simFault', null);

  // Vast's clients send `Content-Type: application/json` with bodies like `{}`; accept an empty one too.
  useLenientJson(app);

  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    void vastError(reply, status, status === 400 ? 'invalid_args' : 'server_error', error.message);
  });
  app.setNotFoundHandler((request, reply) => {
    void vastError(reply, 404, 'not_found', `No route for ${request.method} ${request.url.split('?')[0] ?? ''}`);
  });

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const fault = state.faults.take(request.method, path);
    request.simFault = fault;
    if (!fault) return;
    if (fault.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    if (fault.kind === 'drop') {
      record(state, request, 0);
      reply.hijack();
      request.raw.socket.destroy();
      return reply;
    }
    if (fault.kind === 'status') {
      const status = fault.status ?? 500;
      if (status === 429) return reply.code(429).type('text/plain').send('API requests too frequent');
      return vastError(reply, status, status >= 500 ? 'server_error' : 'invalid_args', `Simulated failure (${status})`);
    }
    if (fault.kind === 'malformed') {
      return reply.code(200).type('application/json').send('{"success": true, "instances": [{"id": 1, "actual_st');
    }
    return undefined;
  });

  app.addHook('onResponse', async (request, reply) => {
    record(state, request, reply.statusCode);
  });

  const guard = (endpoint: Endpoint | null, scope: Scope | null) =>
    async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
      const key = bearerKey(request);
      if (scope) {
        const scopes = key ? keys.get(key) : undefined;
        if (!scopes) return vastError(reply, 401, 'auth_error', 'Invalid user key');
        if (!scopes.has(scope)) return vastError(reply, 403, 'forbidden', `This API key lacks the ${scope} permission`);
      }
      if (endpoint) {
        const exceeded = limiter.check(endpoint, `${key ?? ''}|${request.ip}`);
        if (exceeded !== null) {
          return reply.code(429).type('text/plain').send(`API requests too frequent: endpoint threshold=${exceeded.toFixed(1)}`);
        }
      }
      return undefined;
    };

  app.get('/api/v0/gpu_names/unique/', async () => ({
    gpu_names: [...new Set(fleet.rows().map((row) => row['gpu_name']))].filter((name): name is string => typeof name === 'string').sort(),
  }));

  app.get('/api/v0/instances/filters/', { preHandler: guard('show', 'instance_read') }, async () => ({
    filters: fleet.rows().map((row) => ({
      actual_status: row['actual_status'] ?? null,
      verification: row['verification'] ?? null,
      gpu_name: row['gpu_name'] ?? null,
    })),
  }));

  app.get<{ Querystring: ListQuery }>('/api/v1/instances/', { preHandler: guard('list', 'instance_read') }, async (request, reply) => {
    try {
      return listPage(fleet.rows(), request.query);
    } catch (error) {
      if (error instanceof ListingError) return vastError(reply, 400, error.error, error.message);
      throw error;
    }
  });

  app.get('/api/v0/instances/', { preHandler: guard(null, 'instance_read') }, async (_request, reply) =>
    vastError(reply, 410, 'deprecated', 'Endpoint deprecated: /api/v0/instances/ is deprecated. Use /api/v1/instances/ instead.'),
  );

  app.get<{ Params: { id: string } }>('/api/v0/instances/:id/', { preHandler: guard('show', 'instance_read') }, async (request, reply) => {
    const id = parseId(request.params.id);
    if (id === null) return vastError(reply, 400, 'invalid_args', 'Invalid instance id');
    return { instances: fleet.row(id) };
  });

  app.put<{ Params: { id: string }; Body: unknown }>('/api/v0/instances/:id/', { preHandler: guard('put', 'instance_write') }, async (request, reply) => {
    const id = parseId(request.params.id);
    if (id === null) return vastError(reply, 400, 'invalid_args', 'Invalid instance id');
    const body = asRecord(request.body);
    const { state: target, label } = body;
    if (target === undefined && label === undefined) {
      return vastError(reply, 400, 'invalid_args', 'At least one of state or label is required');
    }
    if (label !== undefined && (typeof label !== 'string' || label.length > 1024)) {
      return vastError(reply, 400, 'invalid_args', 'label_too_long');
    }
    if (target !== undefined && target !== 'running' && target !== 'stopped') {
      return vastError(reply, 400, undefined, 'Invalid target state');
    }
    if (!fleet.has(id)) return vastError(reply, 404, 'no_such_instance', `Instance ${id} not found.`);
    if (typeof label === 'string') fleet.setLabel(id, label);
    if (target === 'stopped') fleet.pause(id);
    if (target === 'running') {
      const result = fleet.resume(id);
      if (result === 'no_credit') return vastError(reply, 400, 'missing_billing', 'You lack credit, see the billing page.');
      if (result === 'queued') {
        return vastError(reply, 200, 'resources_unavailable', 'Required resources are currently unavailable, state change queued.');
      }
    }
    return { success: true };
  });

  app.put<{ Body: unknown }>('/api/v0/instances/', { preHandler: guard('bulk_put', 'instance_write') }, async (request, reply) => {
    const { state: target, ids } = asRecord(request.body);
    if (!Array.isArray(ids) || ids.length === 0) return vastError(reply, 400, 'invalid_args', 'ids list required');
    if (ids.length > 64) return vastError(reply, 400, 'invalid_args', `chunk length of ${ids.length} > 64`);
    if (target !== 'running' && target !== 'stopped') return vastError(reply, 400, undefined, 'Invalid target state');
    const known = ids.filter((id): id is number => typeof id === 'number' && fleet.has(id));
    if (known.length === 0) return vastError(reply, 404, 'invalid_args', 'Invalid instance ID list ids.');
    if (target === 'running' && fleet.getCredit() <= 0) return vastError(reply, 400, 'insufficient_credit', 'You lack credit.');
    for (const id of known) {
      if (target === 'stopped') fleet.pause(id);
      else fleet.resume(id);
    }
    return { success: true };
  });

  app.delete<{ Params: { id: string } }>('/api/v0/instances/:id/', { preHandler: guard('delete', 'instance_write') }, async (request, reply) => {
    const id = parseId(request.params.id);
    if (id === null) return vastError(reply, 400, 'invalid_args', 'invalid instance_id');
    if (!fleet.destroy(id)) return vastError(reply, 404, 'no_such_instance', `Instance ${id} not found.`);
    return { success: true, msg: 'Instance destroyed successfully' };
  });

  app.delete<{ Body: unknown }>('/api/v0/instances/', { preHandler: guard('delete', 'instance_write') }, async (request, reply) => {
    const { instance_ids: ids } = asRecord(request.body);
    if (!Array.isArray(ids) || ids.length === 0) return vastError(reply, 400, 'invalid_args', 'instance_ids array is required');
    const known = ids.filter((id): id is number => typeof id === 'number' && fleet.has(id));
    // The CLI repeats a bulk destroy up to 6 times even after it worked (vast-api.md §9, item 12):
    // ids already destroyed count as done, so only ids that never existed give a 404.
    const gone = ids.filter((id): id is number => typeof id === 'number' && fleet.wasDestroyed(id));
    if (known.length === 0 && gone.length === 0) return vastError(reply, 404, 'instances_not_found', `Instances ${ids.join(', ')} not found.`);
    for (const id of known) fleet.destroy(id);
    return { success: true };
  });

  app.put<{ Params: { id: string } }>('/api/v0/instances/reboot/:id/', { preHandler: guard('reboot', 'instance_write') }, async (request, reply) => {
    const id = parseId(request.params.id);
    if (id === null) return vastError(reply, 400, 'invalid_args', 'Invalid instance id');
    const result = fleet.reboot(id);
    if (result === 'not_found') return vastError(reply, 400, 'invalid_args', `Instance ${id} not found.`);
    if (result === 'not_started') return vastError(reply, 200, 'invalid_id', 'Invalid instance id. Is the container started?');
    return { success: true };
  });

  app.post<{ Params: { id: string }; Body: unknown }>(
    '/api/v0/instances/take_snapshot/:id/',
    { preHandler: guard('snapshot', 'instance_write') },
    async (request, reply) => {
      const id = parseId(request.params.id);
      if (id === null) return vastError(reply, 400, 'invalid_args', 'Invalid instance id');
      const body = asRecord(request.body);
      const repo = body['personal_repo'];
      if (typeof repo !== 'string' || repo === '') return vastError(reply, 400, 'invalid_args', 'personal_repo is required');
      const registry = typeof body['container_registry'] === 'string' ? body['container_registry'] : 'docker.io';
      if (!fleet.takeSnapshot(id, repo, registry)) return vastError(reply, 400, 'invalid_args', `Instance ${id} not found.`);
      return { success: true, msg: 'Snapshot started; check your repository in 5-10 minutes.' };
    },
  );

  const currentUser = async (request: FastifyRequest) => ({ ...fleet.userRow(), api_key: bearerKey(request) });
  app.get('/api/v0/users/current', { preHandler: guard('user', 'user_read') }, currentUser);
  app.get('/api/v0/users/current/', { preHandler: guard('user', 'user_read') }, currentUser);

  registerControlRoutes(app, state);
  return { app, state };
}

/** Starts the simulator on 127.0.0.1 (a free port unless one is given). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const { app, state } = buildSimulator(options);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  return {
    ...state,
    app,
    port,
    url: `http://${host}:${port}`,
    close: () => app.close(),
    count: (method, pathPrefix) =>
      state.requests.filter((r) => r.method === method && r.path.startsWith(pathPrefix)).length,
  };
}

function bearerKey(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || null;
  // Vast still accepts the key as a query parameter (the CLI sent it that way until 2026-08).
  const query = request.query as Record<string, unknown> | undefined;
  const fromQuery = query?.['api_key'];
  return typeof fromQuery === 'string' && fromQuery ? fromQuery : null;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function record(state: SimulatorState, request: FastifyRequest, status: number): void {
  const [path = '', query = ''] = request.url.split('?');
  if (path.startsWith('/__sim/')) return;
  state.requests.push({ at: state.clock.now(), method: request.method, path, query, body: request.body ?? null, status });
  if (state.requests.length > MAX_RECORDED) state.requests.splice(0, state.requests.length - MAX_RECORDED);
}
