// The flow the original service's users script, run with plain fetch exactly as they would:
//   session.post('http://localhost:8766/api/auth/login', json={...})
//   session.post(f'http://localhost:8766/api/instances/{instance_id}/pause')
//   # -> {'success': True, 'message': 'Instance 28917659 paused'}
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../support/local-api-harness.js';

const INSTANCE = 24819031;
let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(async () => {
  await h.close();
});

/** fetch() while the fake clock moves, like a script waiting on a real server. */
async function drive(promise: Promise<Response>): Promise<{ status: number; text: string; cookie: string | null }> {
  let out: { status: number; text: string; cookie: string | null } | undefined;
  void promise.then(async (response) => {
    out = { status: response.status, text: await response.text(), cookie: response.headers.get('set-cookie') };
  });
  await h.runUntil(() => out !== undefined);
  return out!;
}

describe("the seed's example flow, word for word", () => {
  it('logs in, pauses, resumes', async () => {
    const base = `http://localhost:${h.port}`;
    const login = await drive(
      fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: h.token }),
      }),
    );
    expect(login.status).toBe(200);
    expect(login.text).toBe('{"success":true,"message":"Logged in"}');
    const session = (login.cookie ?? '').split(';')[0] ?? '';

    const pause = await drive(fetch(`${base}/api/instances/${INSTANCE}/pause`, { method: 'POST', headers: { Cookie: session } }));
    expect(pause.status).toBe(200);
    expect(JSON.parse(pause.text)).toEqual({ success: true, message: `Instance ${INSTANCE} paused` });
    expect(pause.text).toBe(`{"success":true,"message":"Instance ${INSTANCE} paused"}`);

    const resume = await drive(fetch(`${base}/api/instances/${INSTANCE}/resume`, { method: 'POST', headers: { Cookie: session } }));
    expect(resume.status).toBe(200);
    expect(resume.text).toBe(`{"success":true,"message":"Instance ${INSTANCE} resumed"}`);
  });
});
