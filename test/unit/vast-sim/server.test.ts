// The simulator over real HTTP, asked exactly what the official CLI asks (vast-api.md §8).
import { beforeEach, describe, expect, it } from 'vitest';
import { TEST_KEY, resetSimulator, useSimulator } from '../../support/sim.js';

const sim = useSimulator();
beforeEach(() => resetSimulator(sim()));

async function call(method: string, path: string, body?: unknown, key: string | null = TEST_KEY) {
  const headers: Record<string, string> = { 'User-Agent': 'vastai-cli/0.0.0' };
  if (key) headers['Authorization'] = `Bearer ${key}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${sim().url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, text, json: json as Record<string, unknown> | null, type: response.headers.get('content-type') };
}

const CLI_LIST =
  '/api/v1/instances/?select_filters=%7B%7D&order_by=%5B%7B%22col%22%3A+%22id%22%2C+%22dir%22%3A+%22asc%22%7D%5D&limit=25';

describe('what the CLI sends', () => {
  it('show instances --raw: rows with numeric start_date and list extra_env', async () => {
    const { status, json } = await call('GET', CLI_LIST);
    expect(status).toBe(200);
    expect(json).toMatchObject({ success: true, instances_found: 7, total_instances: 7, next_token: null });
    const rows = json?.['instances'] as Array<Record<string, unknown>>;
    for (const row of rows) {
      expect(typeof row['start_date']).toBe('number');
      expect(Array.isArray(row['extra_env'])).toBe(true);
    }
    expect(json?.['label_counts']).toMatchObject({ '': 2, 'train-llama-ft': 1 });
  });

  it('pages with next_token → after_token', async () => {
    resetSimulator(sim(), 'large:60');
    const ids: number[] = [];
    let path = CLI_LIST;
    for (let page = 0; page < 5; page += 1) {
      const { json } = await call('GET', path);
      ids.push(...(json?.['instances'] as Array<{ id: number }>).map((r) => r.id));
      const token = json?.['next_token'] as string | null;
      if (!token) break;
      path = `${CLI_LIST}&after_token=${encodeURIComponent(token)}`;
    }
    expect(ids).toHaveLength(60);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });

  it('filters by status and label the way the CLI encodes them (null = unlabeled)', async () => {
    const filters = encodeURIComponent(JSON.stringify({ actual_status: { in: ['running', 'exited'] }, label: { in: ['train-llama-ft', null] } })).replace(/%20/g, '+');
    const { json } = await call('GET', `/api/v1/instances/?select_filters=${filters}&limit=25`);
    const ids = (json?.['instances'] as Array<{ id: number }>).map((r) => r.id);
    expect(ids).toEqual([24819031, 24826114]);
  });

  it('orders by start_date desc with id as the tie-breaker, and projects select_cols', async () => {
    const order = encodeURIComponent('[{"col": "start_date", "dir": "desc"}, {"col": "id", "dir": "asc"}]');
    const cols = encodeURIComponent('["id", "label", "nope"]');
    const { json } = await call('GET', `/api/v1/instances/?order_by=${order}&select_cols=${cols}&limit=3`);
    const rows = json?.['instances'] as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(3);
    expect(Object.keys(rows[0] ?? {})).toEqual(['id', 'label', 'nope']);
    expect(rows[0]?.['nope']).toBeNull();
    expect(json?.['next_token']).toEqual(expect.any(String));
  });

  it('answers 400 for a computed filter, a bad order column and a bad token', async () => {
    const computed = await call('GET', `/api/v1/instances/?select_filters=${encodeURIComponent('{"dph_total": {"lt": 1}}')}`);
    expect(computed.status).toBe(400);
    expect(computed.json).toMatchObject({ error: 'invalid_request', msg: 'Error in query parameters: dph_total is not a valid search key' });
    const order = await call('GET', `/api/v1/instances/?order_by=${encodeURIComponent('[{"col": "nope"}]')}`);
    expect(order.status).toBe(400);
    const token = await call('GET', '/api/v1/instances/?after_token=garbage');
    expect(token.json).toMatchObject({ error: 'invalid_token' });
  });

  it('limit ≤ 0 means 5, and more than 25 means 25', async () => {
    resetSimulator(sim(), 'large:40');
    expect(((await call('GET', '/api/v1/instances/?limit=0')).json?.['instances'] as unknown[]).length).toBe(5);
    expect(((await call('GET', '/api/v1/instances/?limit=100')).json?.['instances'] as unknown[]).length).toBe(25);
  });

  it('show instance: an object under a plural key, or 200 {"instances": null}', async () => {
    const known = await call('GET', '/api/v0/instances/24819031/?owner=me');
    expect((known.json?.['instances'] as Record<string, unknown>)['id']).toBe(24819031);
    const unknown = await call('GET', '/api/v0/instances/999/?owner=me');
    expect(unknown.status).toBe(200);
    expect(unknown.json).toEqual({ instances: null });
    expect((await call('GET', '/api/v0/instances/abc/?owner=me')).status).toBe(400);
  });

  it('stop, start, label and reboot answer {"success": true}', async () => {
    expect((await call('PUT', '/api/v0/instances/24819031/', { state: 'stopped' })).json).toEqual({ success: true });
    expect((await call('PUT', '/api/v0/instances/24820377/', { state: 'running' })).json).toEqual({ success: true });
    expect((await call('PUT', '/api/v0/instances/24819031/', { label: 'my new label' })).json).toEqual({ success: true });
    expect((await call('PUT', '/api/v0/instances/reboot/24822508/', {})).json).toEqual({ success: true });
  });

  it('start of an instance whose GPU is taken: 200 with success:false resources_unavailable', async () => {
    sim().fleet.takeGpu(24820377);
    const { status, json } = await call('PUT', '/api/v0/instances/24820377/', { state: 'running' });
    expect(status).toBe(200);
    expect(json).toEqual({
      success: false,
      error: 'resources_unavailable',
      msg: 'Required resources are currently unavailable, state change queued.',
    });
  });

  it('PUT errors: unknown id 404, bad state 400, label too long 400, no credit 400', async () => {
    expect(await call('PUT', '/api/v0/instances/999/', { state: 'stopped' })).toMatchObject({
      status: 404,
      json: { success: false, error: 'no_such_instance', msg: 'Instance 999 not found.' },
    });
    expect((await call('PUT', '/api/v0/instances/24819031/', { state: 'paused' })).json).toEqual({ success: false, msg: 'Invalid target state' });
    expect((await call('PUT', '/api/v0/instances/24819031/', { label: 'x'.repeat(1025) })).json).toMatchObject({ msg: 'label_too_long' });
    sim().fleet.setCredit(0);
    expect((await call('PUT', '/api/v0/instances/24820377/', { state: 'running' })).json).toMatchObject({ error: 'missing_billing' });
  });

  it('reboot of a stopped container: 200 success:false invalid_id', async () => {
    const { status, json } = await call('PUT', '/api/v0/instances/reboot/24820377/', {});
    expect(status).toBe(200);
    expect(json).toMatchObject({ success: false, error: 'invalid_id' });
  });

  it('bulk stop/start, and bulk destroy that is idempotent when the CLI repeats it 6 times', async () => {
    expect((await call('PUT', '/api/v0/instances/', { state: 'stopped', ids: [24819031, 24822508] })).json).toEqual({ success: true });
    expect((await call('PUT', '/api/v0/instances/', { state: 'running', ids: [24820377, 24801166] })).json).toEqual({ success: true });
    const tooMany = await call('PUT', '/api/v0/instances/', { state: 'running', ids: Array.from({ length: 65 }, (_, i) => i + 1) });
    expect(tooMany.json).toMatchObject({ msg: 'chunk length of 65 > 64' });
    const first = await call('DELETE', '/api/v0/instances/', { instance_ids: [24822508, 24801166] });
    expect(first.json).toEqual({ success: true });
    for (let i = 0; i < 5; i += 1) {
      const again = await call('DELETE', '/api/v0/instances/', { instance_ids: [24822508, 24801166] });
      expect(again.status).toBe(200);
      expect(again.json).toEqual({ success: true });
    }
    const never = await call('DELETE', '/api/v0/instances/', { instance_ids: [111, 222] });
    expect(never.status).toBe(404);
    expect(never.json).toMatchObject({ error: 'instances_not_found', msg: 'Instances 111, 222 not found.' });
  });

  it('destroy instance answers success with a msg', async () => {
    const { json } = await call('DELETE', '/api/v0/instances/24822508/', {});
    expect(json).toEqual({ success: true, msg: 'Instance destroyed successfully' });
  });

  it('take snapshot accepts the CLI body', async () => {
    const { json } = await call('POST', '/api/v0/instances/take_snapshot/24819031/', {
      id: '24819031',
      container_registry: 'docker.io',
      personal_repo: 'ada/snap',
      docker_login_user: 'ada',
      docker_login_pass: 's3cret',
      pause: 'true',
    });
    expect(json).toMatchObject({ success: true });
  });

  it('show user works with and without the trailing slash and includes api_key, as Vast does', async () => {
    for (const path of ['/api/v0/users/current', '/api/v0/users/current/']) {
      const { json } = await call('GET', path);
      expect(json).toMatchObject({ email: 'ada@example.com', api_key: TEST_KEY });
      expect(json?.['credit']).toBeCloseTo(42.17, 1);
    }
  });

  it('gpu_names/unique answers without auth; filters needs it', async () => {
    const names = await call('GET', '/api/v0/gpu_names/unique/', undefined, null);
    expect(names.json?.['gpu_names']).toContain('RTX 4090');
    const filters = await call('GET', '/api/v0/instances/filters/');
    expect((filters.json?.['filters'] as unknown[]).length).toBe(7);
  });

  it('the legacy v0 list is deprecated (410)', async () => {
    expect((await call('GET', '/api/v0/instances/?owner=me')).status).toBe(410);
  });
});

describe('auth, rate limits and faults', () => {
  it('401 auth_error for a wrong key and for no key at all', async () => {
    for (const key of ['wrong', null]) {
      const { status, json } = await call('GET', CLI_LIST, undefined, key);
      expect(status).toBe(401);
      expect(json).toEqual({ success: false, error: 'auth_error', msg: 'Invalid user key' });
    }
  });

  it('accepts the key as an api_key query parameter too', async () => {
    expect((await call('GET', `/api/v0/users/current?api_key=${TEST_KEY}`, undefined, null)).status).toBe(200);
  });

  it('rate limits per endpoint in plain text, until time passes', async () => {
    sim().limiter.configure({ enabled: true });
    expect((await call('GET', CLI_LIST)).status).toBe(200);
    const limited = await call('GET', CLI_LIST);
    expect(limited.status).toBe(429);
    expect(limited.text).toBe('API requests too frequent: endpoint threshold=1.0');
    expect(limited.type).toContain('text/plain');
    expect((await call('GET', '/api/v0/users/current')).status).toBe(200);
  });

  it('injects 5xx, malformed JSON and dropped connections, then stops when cleared', async () => {
    sim().faults.set([{ kind: 'status', status: 502, times: 1 }, { kind: 'malformed', times: 1 }]);
    expect((await call('GET', CLI_LIST)).status).toBe(502);
    const malformed = await call('GET', CLI_LIST);
    expect(malformed.status).toBe(200);
    expect(malformed.json).toBeNull();
    sim().faults.set([{ kind: 'drop', pathPrefix: '/api/v1/' }]);
    await expect(call('GET', CLI_LIST)).rejects.toThrow();
    expect((await call('GET', '/api/v0/users/current')).status).toBe(200);
    sim().faults.clear();
    expect((await call('GET', CLI_LIST)).status).toBe(200);
  });
});

describe('control API', () => {
  it('seeds fleets, takes and frees GPUs, revokes keys and reports the request log', async () => {
    const post = (path: string, body: unknown) => call('POST', path, body, null);
    expect((await post('/__sim/seed', { fleet: 'large:30' })).json).toMatchObject({ instances: 30 });
    expect((await post('/__sim/seed', { fleet: 'nope' })).status).toBe(400);
    await post('/__sim/seed', { fleet: 'demo' });
    await post('/__sim/instances/24820377', { event: 'take_gpu' });
    expect((await call('PUT', '/api/v0/instances/24820377/', { state: 'running' })).json).toMatchObject({ error: 'resources_unavailable' });
    const freed = await post('/__sim/instances/24820377', { event: 'free_gpu' });
    expect((freed.json?.['instance'] as Record<string, unknown>)['actual_status']).toBe('loading');
    await post('/__sim/keys', { revoke: [TEST_KEY] });
    expect((await call('GET', CLI_LIST)).status).toBe(401);
    const log = await call('GET', '/__sim/requests', undefined, null);
    expect((log.json?.['requests'] as Array<{ path: string }>).map((r) => r.path)).toContain('/api/v0/instances/24820377/');
    expect((await post('/__sim/advance', { ms: 1000 })).status).toBe(409);
  });
});
