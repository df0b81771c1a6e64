// Shared e2e fixtures: a logged-in page on a fresh demo fleet with the good key stored and the
// default settings back in place, so specs do not depend on each other.
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { APP_URL, FLEET, GOOD_KEY, LOCAL_TOKEN, SIM_URL } from './e2e-env';

export { expect, FLEET };

/** Calls a command of the local API the way the browser bridge does. */
export async function rpc<T = unknown>(request: APIRequestContext, name: string, input?: unknown): Promise<T> {
  const response = await request.post(`${APP_URL}/api/rpc/${name}`, { data: { input: input ?? null } });
  const body = (await response.json()) as { ok: boolean; data?: T; message?: string };
  if (!body.ok) throw new Error(`${name} failed: ${body.message ?? response.status()}`);
  return body.data as T;
}

/** Drives the simulator's control API (/__sim/...). */
export async function sim(request: APIRequestContext, path: string, data: unknown): Promise<void> {
  const response = await request.post(`${SIM_URL}/__sim/${path}`, { data });
  expect(response.ok(), `sim ${path}`).toBe(true);
}

export async function login(page: Page): Promise<void> {
  const response = await page.request.post(`${APP_URL}/api/auth/login`, { data: { token: LOCAL_TOKEN } });
  expect(response.ok()).toBe(true);
}

/** Back to a known world: the demo fleet, no faults, the good key, default settings. */
export async function resetWorld(page: Page): Promise<void> {
  const request = page.request;
  await sim(request, 'seed', { fleet: 'demo', credit: 42.1735 });
  await request.delete(`${SIM_URL}/__sim/faults`);
  await rpc(request, 'stopDemo').catch(() => undefined);
  await rpc(request, 'setKey', GOOD_KEY);
  await rpc(request, 'updateSettings', {
    language: 'en',
    notifications: { enabled: true },
    refresh: { fastSeconds: 2, normalSeconds: 5, slowSeconds: 15 },
  });
  await rpc(request, 'refresh');
}

export const test = base.extend<{ loggedIn: Page }>({
  loggedIn: async ({ page }, use) => {
    await login(page);
    await resetWorld(page);
    await use(page);
  },
});
