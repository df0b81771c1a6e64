// The local HTTP server: the scriptable pause/resume API this project grew from (same paths, same
// replies), the RPC + SSE transport of the browser dashboard's `window.vast`, and the dashboard
// itself. Every command goes through the one commands table. Loopback only, Host-checked, no CORS,
// login required for every /api/ route but login itself.
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  COMMANDS,
  InstanceIdSchema,
  type ActionOutcome,
  type CommandName,
  type ErrorCode,
  type EventName,
  type Result,
} from '../../preload/contract.js';
import { describeZodError, type CommandHandlers } from '../commands.js';
import type { AppCore } from '../core/app-core.js';
import { useLenientJson } from '../lib/lenient-json.js';
import { SESSION_COOKIE, constantTimeEqual, type LoginThrottle, type Sessions } from './auth.js';
import { httpStatusFor } from './http-status.js';

export interface LocalServerDeps {
  core: AppCore;
  commands: CommandHandlers;
  /** The built dashboard (dist/renderer); null or missing means "not built". */
  staticDir: string | null;
  sessions: Sessions;
  throttle: LoginThrottle;
  /** The current login token. */
  token: () => Promise<string>;
  /** The port we listen on, for the Host check (known only once listening). */
  port: () => number;
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const LoginSchema = z.union([
  z.object({ token: z.string().min(1).max(512) }),
  // The original service logged in with a username and password: the token is the password.
  z.object({ username: z.string().max(256).optional(), password: z.string().min(1).max(512) }),
]);
const IdParams = z.object({ id: z.coerce.number().pipe(InstanceIdSchema) });
const LabelBody = z.object({ label: z.string() });
const DestroyBody = z.object({ confirm: z.string().optional(), confirmation: z.string().optional() });
const BulkBody = z.object({ ids: z.array(z.unknown()) });
const RpcBody = z.object({ input: z.unknown().optional() }).nullable();

type Failure = { success: false; message: string; code: ErrorCode };

function fail(reply: FastifyReply, code: ErrorCode, message: string): FastifyReply {
  const body: Failure = { success: false, message, code };
  return reply.code(httpStatusFor(code)).send(body);
}

export async function buildLocalServer(deps: LocalServerDeps): Promise<FastifyInstance> {
  const { core, commands, sessions, throttle } = deps;
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024, forceCloseConnections: true });
  useLenientJson(app);
  await app.register(fastifyCookie);

  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    if (error.statusCode === 400 || error.statusCode === 413 || error.statusCode === 415) {
      return fail(reply, 'invalid_input', error.message);
    }
    console.error('[vast-tray] local API error:', error);
    return fail(reply, 'internal', 'Something unexpected went wrong.');
  });

  // DNS rebinding: a page on evil.example whose name now points at 127.0.0.1 sends its own Host.
  app.addHook('onRequest', async (request, reply) => {
    const port = deps.port();
    const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowed.includes((request.headers.host ?? '').toLowerCase())) {
      return fail(reply, 'forbidden', 'This server only answers to 127.0.0.1 and localhost.');
    }
    return undefined;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  const isAuthenticated = async (request: FastifyRequest): Promise<boolean> => {
    if (sessions.valid(request.cookies[SESSION_COOKIE])) return true;
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) return constantTimeEqual(header.slice('Bearer '.length).trim(), await deps.token());
    return false;
  };

  // Before the body is even parsed: a caller without a session learns nothing and costs nothing.
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/') || path === '/api/auth/login') return undefined;
    if (await isAuthenticated(request)) return undefined;
    return fail(reply, 'unauthenticated', 'Log in first: POST /api/auth/login with {"token": "..."} (the token is in Settings).');
  });

  const setSessionCookie = (reply: FastifyReply): void => {
    reply.setCookie(SESSION_COOKIE, sessions.create(), { httpOnly: true, sameSite: 'strict', path: '/', secure: false });
  };

  app.post('/api/auth/login', async (request, reply) => {
    const wait = throttle.blockedFor();
    if (wait > 0) return fail(reply.header('Retry-After', String(Math.ceil(wait / 1000))), 'rate_limited', 'Too many failed logins. Try again in a minute.');
    const parsed = LoginSchema.safeParse(request.body);
    if (!parsed.success) return fail(reply, 'invalid_input', 'Send {"token": "..."} to log in.');
    const given = 'token' in parsed.data ? parsed.data.token : parsed.data.password;
    if (!constantTimeEqual(given, await deps.token())) {
      throttle.fail();
      return fail(reply, 'unauthenticated', 'That token is not right. Find it in Vast Tray’s Settings.');
    }
    throttle.reset();
    setSessionCookie(reply);
    return { success: true, message: 'Logged in' };
  });

  app.post('/api/auth/logout', async (request, reply) => {
    sessions.end(request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { success: true, message: 'Logged out' };
  });

  // The one-time link printed in the terminal: log in and land on the dashboard.
  app.get<{ Querystring: { code?: string } }>('/login', async (request, reply) => {
    const code = request.query.code ?? '';
    if (code && sessions.consumeOneTimeCode(code)) setSessionCookie(reply);
    return reply.redirect('/', 303);
  });

  // --- The original service's API -------------------------------------------------------------
  app.get('/api/instances', async () => ({ success: true, ...core.fleet.snapshot() }));

  app.get('/api/instances/:id', async (request, reply) => {
    const params = IdParams.safeParse(request.params);
    if (!params.success) return fail(reply, 'invalid_input', `Not an instance id: ${describeZodError(params.error)}`);
    const instance = core.fleet.instance(params.data.id);
    if (!instance) return fail(reply, 'not_found', `Instance ${params.data.id} not found`);
    return { success: true, instance };
  });

  const action = (run: (id: number, request: FastifyRequest) => Promise<Result<ActionOutcome>> | FastifyReply) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const params = IdParams.safeParse(request.params);
      if (!params.success) return fail(reply, 'invalid_input', `Not an instance id: ${describeZodError(params.error)}`);
      const result = await run(params.data.id, request);
      if (!('ok' in result)) return result;
      return sendOutcome(reply, result);
    };

  app.post('/api/instances/:id/pause', action((id) => commands.pauseInstance(id)));
  app.post('/api/instances/:id/resume', action((id) => commands.resumeInstance(id)));
  app.post('/api/instances/:id/reboot', action((id) => commands.rebootInstance(id)));
  app.post(
    '/api/instances/:id/label',
    action((id, request) => {
      const body = LabelBody.safeParse(request.body);
      return body.success ? commands.labelInstance({ id, label: body.data.label }) : Promise.resolve(invalid('Send {"label": "..."}.'));
    }),
  );
  app.post(
    '/api/instances/:id/destroy',
    action((id, request) => {
      const body = DestroyBody.safeParse(request.body ?? {});
      const confirmation = body.success ? (body.data.confirm ?? body.data.confirmation ?? '') : '';
      return commands.destroyInstance({ id, confirmation });
    }),
  );

  const bulk = (name: 'pauseInstances' | 'resumeInstances') => async (request: FastifyRequest, reply: FastifyReply) => {
    const body = BulkBody.safeParse(request.body);
    if (!body.success) return fail(reply, 'invalid_input', 'Send {"ids": [..]}.');
    const result = await commands[name](body.data.ids);
    if (!result.ok) return fail(reply, result.code, result.message);
    const outcomes = result.data.outcomes;
    return { success: outcomes.every((o) => o.status !== 'failed'), results: outcomes.map(compatOutcome) };
  };
  app.post('/api/instances/pause', bulk('pauseInstances'));
  app.post('/api/instances/resume', bulk('resumeInstances'));

  const read = (name: 'getAccount' | 'getHistory' | 'getNotices' | 'getSettings' | 'getKeyStatus', field: string) =>
    async (_request: FastifyRequest, reply: FastifyReply) => {
      const result = await commands[name](undefined);
      return result.ok ? { success: true, [field]: result.data } : fail(reply, result.code, result.message);
    };
  app.get('/api/account', read('getAccount', 'account'));
  app.get('/api/history', read('getHistory', 'history'));
  app.get('/api/notices', read('getNotices', 'notices'));
  app.get('/api/settings', read('getSettings', 'settings'));
  // Whether a key is stored and its last 4 characters: never the key itself.
  app.get('/api/key', read('getKeyStatus', 'key'));
  app.patch('/api/settings', async (request, reply) => {
    const result = await commands.updateSettings(request.body);
    return result.ok ? { success: true, settings: result.data } : fail(reply, result.code, result.message);
  });

  // --- The browser bridge's transport ----------------------------------------------------------
  app.post<{ Params: { command: string } }>('/api/rpc/:command', async (request, reply) => {
    const name = request.params.command as CommandName;
    if (!Object.hasOwn(COMMANDS, name) || COMMANDS[name].ipcOnly) {
      return reply.code(404).send({ ok: false, code: 'not_found', message: `No command ${request.params.command}` });
    }
    const body = RpcBody.safeParse(request.body ?? null);
    const input = body.success ? (body.data?.input ?? undefined) : undefined;
    const result = await commands[name](input === null ? undefined : input);
    return reply.code(result.ok ? 200 : httpStatusFor(result.code)).send(result);
  });

  let viewers = 0;
  app.get('/api/events', (request, reply) => {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
      'X-Accel-Buffering': 'no',
    });
    const send = (event: EventName, payload: unknown): void => {
      raw.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    };
    // Snapshots can come in bursts (one per refresh step); send the latest once per turn.
    let pendingSnapshot = false;
    const sendSnapshot = (): void => {
      if (pendingSnapshot) return;
      pendingSnapshot = true;
      setImmediate(() => {
        pendingSnapshot = false;
        if (!raw.writableEnded) send('fleetChanged', core.fleet.snapshot());
      });
    };
    const viewer = `sse:${(viewers += 1)}`;
    core.fleet.setVisible(true, viewer);
    const offs = [
      core.fleet.events.on('changed', sendSnapshot),
      core.notices.events.on('notice', (notice) => send('notice', notice)),
      core.settings.events.on('changed', ({ settings }) => send('settingsChanged', settings)),
      core.fleet.events.on('historyChanged', (history) => send('historyChanged', history)),
    ];
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), 25_000);
    raw.write('retry: 3000\n\n');
    send('fleetChanged', core.fleet.snapshot());
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      offs.forEach((off) => off());
      core.fleet.setVisible(false, viewer);
    });
  });

  // --- The dashboard -----------------------------------------------------------------------------
  if (deps.staticDir && existsSync(deps.staticDir)) {
    // wildcard: files are looked up per request, so a rebuilt renderer is served without a restart.
    await app.register(fastifyStatic, { root: deps.staticDir, index: ['index.html'], wildcard: true, cacheControl: false });
  } else {
    app.get('/', async (_request, reply) =>
      reply.code(503).type('text/plain').send('The dashboard is not built yet: run `npm run build`, then reload.'),
    );
  }

  return app;
}

function invalid(message: string): Result<ActionOutcome> {
  return { ok: false, code: 'invalid_input', message };
}

/** `{"success": true, "message": "Instance 28917659 paused"}`, exactly as the original service. */
function sendOutcome(reply: FastifyReply, result: Result<ActionOutcome>): FastifyReply {
  if (!result.ok) return fail(reply, result.code, result.message);
  const outcome = result.data;
  if (outcome.status === 'failed') return fail(reply, outcome.code ?? 'internal', outcome.message);
  return reply.send({ success: true, message: outcome.message });
}

function compatOutcome(outcome: ActionOutcome) {
  return outcome.status === 'failed'
    ? { id: outcome.instanceId, success: false, message: outcome.message, code: outcome.code ?? 'internal' }
    : { id: outcome.instanceId, success: true, message: outcome.message };
}

