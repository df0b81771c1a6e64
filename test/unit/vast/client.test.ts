import { beforeEach, describe, expect, it } from 'vitest';
import { BULK_CHUNK, VastClient } from '../../../main/vast/client.js';
import { VastError } from '../../../main/vast/errors.js';
import { TEST_KEY, fastClient, resetSimulator, useSimulator } from '../../support/sim.js';

const RUNNING = 24819031;
const PAUSED = 24820377;
const CRASHED = 24822508;

const sim = useSimulator();

beforeEach(() => resetSimulator(sim()));

async function failure(promise: Promise<unknown>): Promise<VastError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(VastError);
    return error as VastError;
  }
  throw new Error('expected the call to fail');
}

describe('listInstances', () => {
  it('sends the query exactly as the official CLI does', async () => {
    const { client } = fastClient(sim());
    await client.listInstances();
    const [request] = sim().requests;
    expect(request?.path).toBe('/api/v1/instances/');
    expect(request?.query).toBe(
      'select_filters=%7B%7D&order_by=%5B%7B%22col%22%3A+%22id%22%2C+%22dir%22%3A+%22asc%22%7D%5D&limit=25',
    );
  });

  it('follows next_token through every page (60 instances = 3 pages of at most 25)', async () => {
    resetSimulator(sim(), 'large:60');
    const { client } = fastClient(sim());
    const rows = await client.listInstances();
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map((r) => r['id'])).size).toBe(60);
    const lists = sim().requests.filter((r) => r.path === '/api/v1/instances/');
    expect(lists).toHaveLength(3);
    expect(lists[0]?.query).not.toContain('after_token');
    expect(lists[1]?.query).toContain('after_token=');
    expect(lists[2]?.query).toContain('after_token=');
  });

  it('returns an empty list for an empty account', async () => {
    resetSimulator(sim(), 'empty');
    const { client } = fastClient(sim());
    expect(await client.listInstances()).toEqual([]);
  });
});

describe('getInstance', () => {
  it('returns the row of a known instance', async () => {
    const { client } = fastClient(sim());
    const row = await client.getInstance(RUNNING);
    expect(row?.['id']).toBe(RUNNING);
    expect(sim().requests[0]?.path).toBe(`/api/v0/instances/${RUNNING}/`);
    expect(sim().requests[0]?.query).toBe('owner=me');
  });

  it('returns null for {"instances": null} (Vast answers 200 for unknown ids)', async () => {
    const { client } = fastClient(sim());
    expect(await client.getInstance(999)).toBeNull();
  });
});

describe('actions', () => {
  it('pauses with PUT {"state":"stopped"} and the instance stops', async () => {
    const { client } = fastClient(sim());
    await client.pauseInstance(RUNNING);
    expect(sim().requests[0]).toMatchObject({ method: 'PUT', path: `/api/v0/instances/${RUNNING}/`, body: { state: 'stopped' } });
    expect(sim().fleet.row(RUNNING)?.['intended_status']).toBe('stopped');
  });

  it('resumes with PUT {"state":"running"}: started when the GPU is free', async () => {
    const { client } = fastClient(sim());
    expect(await client.resumeInstance(PAUSED)).toEqual({ status: 'started' });
    expect(sim().requests).toHaveLength(1);
    expect(sim().fleet.row(PAUSED)?.['actual_status']).toBe('loading');
  });

  it('reports a resume answered with resources_unavailable as queued, not failed', async () => {
    const { client } = fastClient(sim());
    sim().fleet.takeGpu(PAUSED);
    const result = await client.resumeInstance(PAUSED);
    expect(result.status).toBe('queued');
    expect(sim().requests).toHaveLength(1);
  });

  it('sends bulk pause in chunks of 64 ids', async () => {
    resetSimulator(sim(), 'large:130');
    const { client } = fastClient(sim());
    const ids = Array.from({ length: 130 }, (_, i) => 30_000_001 + i);
    const result = await client.pauseInstances(ids);
    expect(result.succeeded).toHaveLength(130);
    const puts = sim().requests.filter((r) => r.method === 'PUT' && r.path === '/api/v0/instances/');
    expect(puts.map((r) => (r.body as { ids: number[] }).ids.length)).toEqual([BULK_CHUNK, BULK_CHUNK, 2]);
    expect(puts[0]?.body).toMatchObject({ state: 'stopped' });
  });

  it('bulk resume: a chunk Vast accepts succeeds as a whole; a chunk of unknown ids fails as not_found', async () => {
    const { client } = fastClient(sim());
    const result = await client.resumeInstances([PAUSED, 999_999_998]);
    expect(result.succeeded).toEqual([PAUSED, 999_999_998]);
    const none = await client.resumeInstances([999_999_997]);
    expect(none.failed[0]?.error.code).toBe('not_found');
  });

  it('destroys with DELETE {} and reports an unknown id as not_found', async () => {
    const { client } = fastClient(sim());
    await client.destroyInstance(CRASHED);
    expect(sim().fleet.has(CRASHED)).toBe(false);
    expect(sim().requests[0]).toMatchObject({ method: 'DELETE', path: `/api/v0/instances/${CRASHED}/`, body: {} });
    const error = await failure(client.destroyInstance(CRASHED));
    expect(error.code).toBe('not_found');
    expect(error.status).toBe(404);
  });

  it('labels, and refuses a label over 1024 characters without sending it', async () => {
    const { client } = fastClient(sim());
    await client.labelInstance(RUNNING, 'my new label');
    expect(sim().fleet.row(RUNNING)?.['label']).toBe('my new label');
    const error = await failure(client.labelInstance(RUNNING, 'x'.repeat(1025)));
    expect(error.code).toBe('vast_error');
    expect(sim().requests).toHaveLength(1);
  });

  it('reboots a running instance; a stopped one answers 200 success:false invalid_id', async () => {
    const { client } = fastClient(sim());
    await client.rebootInstance(RUNNING);
    expect(sim().requests[0]).toMatchObject({ method: 'PUT', path: `/api/v0/instances/reboot/${RUNNING}/` });
    expect(sim().fleet.row(RUNNING)?.['actual_status']).toBe('rebooting');
    const error = await failure(client.rebootInstance(PAUSED));
    expect(error).toMatchObject({ code: 'vast_error', vastError: 'invalid_id', status: 200 });
  });

  it('takes a snapshot with the id as a string and pause as "true", as the CLI does', async () => {
    const { client } = fastClient(sim());
    await client.takeSnapshot(RUNNING, { repo: 'ada/snap', username: 'ada', password: 's3cret' });
    expect(sim().requests[0]?.body).toEqual({
      id: String(RUNNING),
      container_registry: 'docker.io',
      personal_repo: 'ada/snap',
      docker_login_user: 'ada',
      docker_login_pass: 's3cret',
      pause: 'true',
    });
    expect(sim().fleet.snapshots).toHaveLength(1);
  });
});

describe('getUser', () => {
  it('reads credit and drops the api_key Vast sends back', async () => {
    const { client } = fastClient(sim());
    const account = await client.getUser();
    expect(account.credit).toBeCloseTo(42.17, 1);
    expect(account.email).toBe('ada@example.com');
    expect(JSON.stringify(account)).not.toContain(TEST_KEY);
    expect(sim().requests[0]?.path).toBe('/api/v0/users/current');
  });
});

describe('errors', () => {
  it('maps a wrong key to auth (401, invalid key)', async () => {
    const { client } = fastClient(sim(), { apiKey: 'wrong-key-123456' });
    const error = await failure(client.listInstances());
    expect(error).toMatchObject({ code: 'auth', status: 401, authKind: 'invalid_key' });
  });

  it('maps a key without a scope to auth (403, forbidden)', async () => {
    sim().keys.set('read-only-key', new Set(['instance_read']));
    const { client } = fastClient(sim(), { apiKey: 'read-only-key' });
    await client.listInstances();
    const error = await failure(client.pauseInstance(RUNNING));
    expect(error).toMatchObject({ code: 'auth', status: 403, authKind: 'forbidden' });
  });

  it('retries plain-text 429s with growing, jittered delays, then succeeds', async () => {
    sim().faults.set([{ kind: 'status', status: 429, times: 2 }]);
    const { client, delays } = fastClient(sim(), { random: () => 0.5 });
    await client.listInstances();
    expect(sim().requests.filter((r) => r.path === '/api/v1/instances/')).toHaveLength(3);
    expect(delays).toHaveLength(2);
    expect(delays[1]).toBeGreaterThan(delays[0] ?? Infinity);
  });

  it('gives up on a 429 storm after a bounded number of attempts with rate_limited', async () => {
    sim().faults.set([{ kind: 'status', status: 429 }]);
    const { client } = fastClient(sim(), { retry: { attempts: 3 } });
    const error = await failure(client.listInstances());
    expect(error.code).toBe('rate_limited');
    expect(error.vastMessage).toBe('API requests too frequent');
    expect(sim().requests).toHaveLength(3);
  });

  it('does not retry a 500', async () => {
    sim().faults.set([{ kind: 'status', status: 500 }]);
    const { client } = fastClient(sim());
    const error = await failure(client.pauseInstance(RUNNING));
    expect(error).toMatchObject({ code: 'server', status: 500 });
    expect(sim().requests).toHaveLength(1);
  });

  it('retries a 503 on a request that is safe to resend', async () => {
    sim().faults.set([{ kind: 'status', status: 503, times: 1 }]);
    const { client } = fastClient(sim());
    await client.pauseInstance(RUNNING);
    expect(sim().requests.map((r) => r.status)).toEqual([503, 200]);
  });

  it('never resends a reboot after an answer that leaves it unclear whether Vast acted', async () => {
    sim().faults.set([{ kind: 'status', status: 503, times: 1 }]);
    const { client } = fastClient(sim());
    const error = await failure(client.rebootInstance(RUNNING));
    expect(error.code).toBe('server');
    expect(sim().requests).toHaveLength(1);
  });

  it('sends a pause exactly once when Vast accepts it', async () => {
    const { client } = fastClient(sim());
    await client.pauseInstance(RUNNING);
    expect(sim().count('PUT', `/api/v0/instances/${RUNNING}/`)).toBe(1);
  });

  it('reports a timeout when Vast does not answer in time', async () => {
    sim().faults.set([{ kind: 'latency', latencyMs: 400 }]);
    const { client } = fastClient(sim(), { timeoutMs: 100, retry: { attempts: 1 } });
    const error = await failure(client.getUser());
    expect(error.code).toBe('timeout');
  });

  it('reports a dropped connection as network', async () => {
    sim().faults.set([{ kind: 'drop' }]);
    const { client } = fastClient(sim(), { retry: { attempts: 2 } });
    const error = await failure(client.listInstances());
    expect(error.code).toBe('network');
    expect(sim().requests.filter((r) => r.status === 0)).toHaveLength(2);
  });

  it('reports a refused connection as network', async () => {
    const client = new VastClient({ baseUrl: 'http://127.0.0.1:9', apiKey: TEST_KEY, retry: { attempts: 2 }, sleep: async () => {} });
    const error = await failure(client.listInstances());
    expect(error.code).toBe('network');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('reports a body that is not JSON as bad_response', async () => {
    sim().faults.set([{ kind: 'malformed', times: 1 }]);
    const { client } = fastClient(sim());
    const error = await failure(client.listInstances());
    expect(error.code).toBe('bad_response');
  });

  it('never puts the key or the Authorization header in an error', async () => {
    const { client } = fastClient(sim(), { retry: { attempts: 1 }, timeoutMs: 100 });
    const faults = [
      { kind: 'status', status: 500 },
      { kind: 'status', status: 429 },
      { kind: 'drop' },
      { kind: 'malformed' },
      { kind: 'latency', latencyMs: 300 },
    ] as const;
    for (const fault of faults) {
      sim().faults.set([fault]);
      const error = await failure(client.listInstances());
      const everything = `${error.message} ${error.stack ?? ''} ${JSON.stringify(error)} ${String(error)}`;
      expect(everything).not.toContain(TEST_KEY);
      expect(everything.toLowerCase()).not.toContain('authorization');
    }
    sim().faults.clear();
    const wrong = await failure(new VastClient({ baseUrl: sim().url, apiKey: 'another-secret-key', sleep: async () => {} }).listInstances());
    expect(`${wrong.message} ${JSON.stringify(wrong)}`).not.toContain('another-secret-key');
  });
});
