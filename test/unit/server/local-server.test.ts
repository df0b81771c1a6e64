// The local server over real HTTP: every security rule has a test that fails if the rule goes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, COMMANDS } from '../../../preload/contract.js';
import { CONTENT_SECURITY_POLICY } from '../../../main/server/local-server.js';
import { LocalApi } from '../../../main/server/local-api.js';
import { createApiHarness, type ApiHarness } from '../../support/local-api-harness.js';
import { TEST_KEY } from '../../support/sim.js';

const RUNNING = 24819031;
const PAUSED = 24820377;
let h: ApiHarness;
let cookie: string;

beforeAll(async () => {
  h = await createApiHarness();
  cookie = await h.login();
});
afterAll(async () => {
  await h.close();
});

const PROTECTED: Array<[string, string]> = [
  ['GET', '/api/instances'],
  ['GET', `/api/instances/${RUNNING}`],
  ['POST', `/api/instances/${RUNNING}/pause`],
  ['POST', `/api/instances/${PAUSED}/resume`],
  ['POST', `/api/instances/${RUNNING}/reboot`],
  ['POST', `/api/instances/${RUNNING}/label`],
  ['POST', `/api/instances/${RUNNING}/destroy`],
  ['POST', '/api/instances/pause'],
  ['POST', '/api/instances/resume'],
  ['GET', '/api/account'],
  ['GET', '/api/history'],
  ['GET', '/api/notices'],
  ['GET', '/api/settings'],
  ['PATCH', '/api/settings'],
  ['GET', '/api/key'],
  ['GET', '/api/events'],
  ['POST', '/api/auth/logout'],
  ...COMMAND_NAMES.map((name): [string, string] => ['POST', `/api/rpc/${name}`]),
];

describe('where it listens', () => {
  it('binds 127.0.0.1 only', () => {
    expect(h.api.url).toBe(`http://127.0.0.1:${h.port}`);
  });

  it('reports a busy port clearly', async () => {
    const other = new LocalApi({ core: h.core, commands: () => ({}) as never, staticDir: null, alwaysOn: true });
    await expect(other.start(h.port)).rejects.toThrow(`Port ${h.port} is already in use`);
    expect((await other.status()).error).toContain('already in use');
  });
});

describe('login', () => {
  it('every /api/ route but login needs it', async () => {
    for (const [method, path] of PROTECTED) {
      const reply = await h.http(path, method === 'GET' ? { method } : { method, json: {} });
      expect(reply.status, `${method} ${path}`).toBe(401);
      expect(reply.json).toMatchObject({ success: false, code: 'unauthenticated' });
    }
  });

  it('a wrong token is refused; the right one gives an HttpOnly, SameSite=Strict session cookie', async () => {
    const wrong = await h.http('/api/auth/login', { method: 'POST', json: { token: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const right = await h.http('/api/auth/login', { method: 'POST', json: { token: h.token } });
    expect(right.json).toEqual({ success: true, message: 'Logged in' });
    const setCookie = right.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^vast_tray_session=[\w-]{40,};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
  });

  it('accepts the original service’s {username, password} shape, the token as the password', async () => {
    const reply = await h.http('/api/auth/login', { method: 'POST', json: { username: 'admin', password: h.token } });
    expect(reply.status).toBe(200);
  });

  it('accepts Authorization: Bearer <token> from scripts', async () => {
    expect((await h.http('/api/instances', { headers: { authorization: `Bearer ${h.token}` } })).status).toBe(200);
    expect((await h.http('/api/instances', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
  });

  it('the token is random and long (≥ 128 bits)', () => {
    expect(Buffer.from(h.token, 'base64url').length).toBeGreaterThanOrEqual(16);
  });

  it('a one-time login link works once', async () => {
    const link = new URL(h.api.oneTimeLoginUrl());
    const first = await h.http(`${link.pathname}${link.search}`);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const session = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await h.http('/api/instances', { cookie: session })).status).toBe(200);
    const again = await h.http(`${link.pathname}${link.search}`);
    expect(again.headers.get('set-cookie')).toBeNull();
  });

  it('logout ends the session', async () => {
    const session = await h.login();
    expect((await h.http('/api/auth/logout', { method: 'POST', cookie: session })).status).toBe(200);
    expect((await h.http('/api/instances', { cookie: session })).status).toBe(401);
  });
});

describe('requests from elsewhere', () => {
  it('refuses a Host that is not 127.0.0.1:<port> or localhost:<port> (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${h.port}`, `127.0.0.1:${h.port + 1}`, `localhost.evil.example:${h.port}`, `[::1]:${h.port}`]) {
      const reply = await h.http('/api/instances', { cookie, host });
      expect(reply.status, host).toBe(403);
      expect(reply.json).toMatchObject({ code: 'forbidden' });
    }
    expect((await h.http('/api/instances', { cookie, host: `localhost:${h.port}` })).status).toBe(200);
  });

  it('sends no CORS headers, even to a cross-origin request or a preflight', async () => {
    const cross = await h.http('/api/instances', { cookie, headers: { origin: 'https://evil.example' } });
    const preflight = await h.http('/api/instances', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    for (const reply of [cross, preflight]) {
      for (const name of reply.headers.keys()) expect(name).not.toMatch(/^access-control-/);
    }
  });

  it('rate-limits failed logins: after five, even the right token waits', async () => {
    const fresh = await createApiHarness({ fleet: 'empty' });
    try {
      for (let i = 0; i < 5; i += 1) {
        expect((await fresh.http('/api/auth/login', { method: 'POST', json: { token: `guess-${i}` } })).status).toBe(401);
      }
      const blocked = await fresh.http('/api/auth/login', { method: 'POST', json: { token: fresh.token } });
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get('retry-after')).toBe('60');
      await fresh.advance(61_000, 61_000);
      expect((await fresh.http('/api/auth/login', { method: 'POST', json: { token: fresh.token } })).status).toBe(200);
    } finally {
      await fresh.close();
    }
  });

  it('serves the dashboard with a strict Content-Security-Policy', async () => {
    const page = await h.http('/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('regenerating the token logs every session out', async () => {
    const fresh = await createApiHarness({ fleet: 'empty' });
    try {
      const session = await fresh.login();
      const status = await fresh.api.regenerateToken();
      expect(status.token).not.toBe(fresh.token);
      expect((await fresh.http('/api/instances', { cookie: session })).status).toBe(401);
      expect((await fresh.http('/api/auth/login', { method: 'POST', json: { token: fresh.token } })).status).toBe(401);
    } finally {
      await fresh.close();
    }
  });
});

describe('the API', () => {
  it('lists the normalized fleet and one instance; unknown ids are 404', async () => {
    const list = await h.http('/api/instances', { cookie });
    const body = list.json as { success: boolean; instances: Array<{ id: number; state: string }> };
    expect(body.success).toBe(true);
    expect(body.instances.map((i) => i.id)).toContain(RUNNING);
    const one = await h.http(`/api/instances/${RUNNING}`, { cookie });
    expect(one.json).toMatchObject({ success: true, instance: { id: RUNNING, name: 'train-llama-ft' } });
    const unknown = await h.http('/api/instances/999', { cookie });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ success: false, message: 'Instance 999 not found', code: 'not_found' });
    const pauseUnknown = await h.http('/api/instances/999/pause', { method: 'POST', cookie });
    expect(pauseUnknown.status).toBe(404);
  });

  it('bad input is a 400 with a clear message', async () => {
    const id = await h.http('/api/instances/abc/pause', { method: 'POST', cookie });
    expect(id.status).toBe(400);
    expect(id.json).toMatchObject({ success: false, code: 'invalid_input' });
    expect((id.json as { message: string }).message).toMatch(/^Not an instance id/);
    const label = await h.http(`/api/instances/${RUNNING}/label`, { method: 'POST', cookie, json: { name: 'x' } });
    expect(label.json).toEqual({ success: false, message: 'Send {"label": "..."}.', code: 'invalid_input' });
    const settings = await h.http('/api/settings', { method: 'PATCH', cookie, json: { refresh: { fastSeconds: 0 } } });
    expect(settings.status).toBe(400);
    expect((settings.json as { message: string }).message).toContain('refresh.fastSeconds');
    const json = await h.http('/api/instances/pause', { method: 'POST', cookie, headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(json.status).toBe(400);
    expect(json.json).toMatchObject({ code: 'invalid_input' });
    const rpc = await h.http('/api/rpc/pauseInstance', { method: 'POST', cookie, json: { input: 'x' } });
    expect(rpc.status).toBe(400);
    expect(rpc.json).toMatchObject({ ok: false, code: 'invalid_input' });
  });

  it('pause and resume answer in the original service’s words', async () => {
    expect((await h.http(`/api/instances/${RUNNING}/pause`, { method: 'POST', cookie })).json).toEqual({
      success: true,
      message: `Instance ${RUNNING} paused`,
    });
    expect((await h.http(`/api/instances/${RUNNING}/resume`, { method: 'POST', cookie })).json).toEqual({
      success: true,
      message: `Instance ${RUNNING} resumed`,
    });
    h.sim.fleet.takeGpu(PAUSED);
    expect((await h.http(`/api/instances/${PAUSED}/resume`, { method: 'POST', cookie })).json).toEqual({
      success: true,
      message: `Instance ${PAUSED} queued: waiting for a GPU`,
    });
  });

  it('a failed action answers success:false with its code and a fitting status', async () => {
    h.sim.faults.set([{ kind: 'status', status: 500, method: 'PUT' }]);
    const reply = await h.http(`/api/instances/${RUNNING}/reboot`, { method: 'POST', cookie });
    h.sim.faults.clear();
    expect(reply.status).toBe(502);
    expect(reply.json).toMatchObject({ success: false, code: 'server' });
  });

  it('destroy needs the id typed back', async () => {
    const refused = await h.http(`/api/instances/${PAUSED}/destroy`, { method: 'POST', cookie, json: {} });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ success: false, code: 'confirmation_required' });
    expect(h.sim.fleet.has(PAUSED)).toBe(true);
    const done = await h.http(`/api/instances/${PAUSED}/destroy`, { method: 'POST', cookie, json: { confirm: String(PAUSED) } });
    expect(done.json).toEqual({ success: true, message: `Instance ${PAUSED} destroyed` });
  });

  it('bulk pause answers one result per id', async () => {
    const reply = await h.http('/api/instances/pause', { method: 'POST', cookie, json: { ids: [RUNNING, 999] } });
    expect(reply.json).toMatchObject({
      success: false,
      results: [
        { id: RUNNING, success: true },
        { id: 999, success: false, code: 'not_found' },
      ],
    });
  });

  it('shows whether a key is stored and its last 4, never the key', async () => {
    const key = await h.http('/api/key', { cookie });
    expect(key.json).toEqual({ success: true, key: { stored: true, last4: TEST_KEY.slice(-4), backend: 'memory', demo: false } });
    for (const path of ['/api/instances', '/api/account', '/api/settings', '/api/history', '/api/notices']) {
      expect((await h.http(path, { cookie })).text).not.toContain(TEST_KEY);
    }
    for (const name of COMMAND_NAMES.filter((n) => n.startsWith('get') && COMMANDS[n].input.safeParse(undefined).success)) {
      const reply = await h.http(`/api/rpc/${name}`, { method: 'POST', cookie, json: {} });
      expect(reply.text, name).not.toContain(TEST_KEY);
    }
  });

  it('does not serve commands that only make sense in Electron', async () => {
    expect((await h.http('/api/rpc/openExternal', { method: 'POST', cookie, json: { input: 'https://vast.ai' } })).status).toBe(404);
    expect((await h.http('/api/rpc/nonsense', { method: 'POST', cookie, json: {} })).status).toBe(404);
  });
});
