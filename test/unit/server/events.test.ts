// Server-Sent Events: the browser bridge's live feed of snapshots, notices and history.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../support/local-api-harness.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(async () => {
  await h.close();
});

interface Stream {
  events: Array<{ event: string; data: unknown }>;
  close(): void;
}

function openStream(cookie: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const events: Stream['events'] = [];
    const req = request({ host: '127.0.0.1', port: h.port, path: '/api/events', headers: { cookie, host: `127.0.0.1:${h.port}` } }, (res) => {
      expect(res.headers['content-type']).toContain('text/event-stream');
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) as unknown });
        }
      });
      resolve({ events, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('GET /api/events', () => {
  it('streams the snapshot at once, then changes, notices and history; counts as someone looking', async () => {
    const cookie = await h.login();
    const stream = await openStream(cookie);
    await h.runUntil(() => stream.events.length > 0);
    expect(stream.events[0]?.event).toBe('fleetChanged');
    expect((stream.events[0]?.data as { instances: unknown[] }).instances).toHaveLength(7);

    const listsBefore = h.sim.requests.filter((r) => r.path === '/api/v1/instances/').length;
    await h.advance(60_000, 1_000);
    const lists = h.sim.requests.filter((r) => r.path === '/api/v1/instances/').length - listsBefore;
    expect(lists).toBeGreaterThanOrEqual(4); // the normal 15 s pace, not the tray's 60 s

    await h.http('/api/instances/24819031/pause', { method: 'POST', cookie });
    await h.runUntil(() => stream.events.some((e) => e.event === 'notice'));
    const kinds = new Set(stream.events.map((e) => e.event));
    expect(kinds).toEqual(new Set(['fleetChanged', 'notice', 'historyChanged']));
    expect(stream.events.find((e) => e.event === 'notice')?.data).toMatchObject({ kind: 'paused', instanceId: 24819031 });
    stream.close();
  });

  it('refuses a stream without a session', async () => {
    const reply = await h.http('/api/events');
    expect(reply.status).toBe(401);
  });
});
