// `window.vast` for the browser dashboard: the same BridgeApi as Electron's preload, over the local
// server's HTTP API (one POST per command) and Server-Sent Events (one stream for all events).
// The session is a cookie (HttpOnly, SameSite=Strict) the server set at login.
import {
  COMMAND_NAMES,
  DashboardTargetSchema,
  EVENTS,
  EVENT_NAMES,
  ExternalUrlSchema,
  dashboardHash,
  resultSchema,
  rpcPath,
  subscriptionName,
  type BridgeApi,
  type CommandName,
  type EventName,
  type Result,
} from '../../../preload/contract';
import { z } from 'zod';

/** The server validates every command's output already; here we only check the envelope. */
const COMMANDS_OUTPUT_ANY = z.unknown();

type Listener = (payload: unknown) => void;

export interface WebBridgeOptions {
  /** Where the local server is; the page's own origin by default. */
  baseUrl?: string;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
}

/** Builds the bridge. Events flow once someone subscribes; the stream reconnects by itself. */
export function createWebBridge(options: WebBridgeOptions = {}): BridgeApi {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? window.fetch.bind(window);
  const EventSourceImpl = options.EventSource ?? window.EventSource;
  const listeners = new Map<EventName, Set<Listener>>();
  let source: EventSource | null = null;

  const ensureStream = (): void => {
    if (source) return;
    source = new EventSourceImpl(`${baseUrl}/api/events`, { withCredentials: true });
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (event) => {
        const parsed = EVENTS[name].payload.safeParse(JSON.parse((event as MessageEvent<string>).data));
        if (!parsed.success) return;
        for (const listener of listeners.get(name) ?? []) listener(parsed.data);
      });
    }
  };

  const closeStreamIfUnused = (): void => {
    if ([...listeners.values()].every((set) => set.size === 0)) {
      source?.close();
      source = null;
    }
  };

  const call = async (name: CommandName, input: unknown): Promise<Result<unknown>> => {
    if (name === 'openExternal') return openExternal(input);
    if (name === 'openDashboard') return openDashboard(input);
    try {
      const response = await doFetch(`${baseUrl}${rpcPath(name)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ input: input ?? null }),
      });
      const body: unknown = await response.json().catch(() => null);
      const parsed = resultSchema(COMMANDS_OUTPUT_ANY).safeParse(body);
      if (parsed.success) return parsed.data;
      if (response.status === 401) return { ok: false, code: 'unauthenticated', message: 'Log in to the local API first.' };
      return { ok: false, code: 'bad_response', message: `The local server answered ${response.status}.` };
    } catch {
      return { ok: false, code: 'network', message: 'Vast Tray is not running, or this page lost contact with it.' };
    }
  };

  const api: Record<string, unknown> = {};
  for (const name of COMMAND_NAMES) api[name] = (input?: unknown) => call(name, input);
  for (const name of EVENT_NAMES) {
    api[subscriptionName(name)] = (callback: Listener) => {
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
      }
      set.add(callback);
      ensureStream();
      return () => {
        set.delete(callback);
        closeStreamIfUnused();
      };
    };
  }
  return api as unknown as BridgeApi;
}

async function openExternal(input: unknown): Promise<Result<null>> {
  const parsed = ExternalUrlSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: 'invalid_input', message: 'Only https:// links open outside the app.' };
  window.open(parsed.data, '_blank', 'noopener,noreferrer');
  return { ok: true, data: null };
}

/** In the browser the dashboard is this page (or its sibling, from the popover page). */
async function openDashboard(input: unknown): Promise<Result<null>> {
  const parsed = DashboardTargetSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: 'invalid_input', message: 'Not a dashboard target.' };
  window.location.assign(`./${dashboardHash(parsed.data)}`);
  return { ok: true, data: null };
}

/** Exchanges the local API token for a session cookie. */
export async function loginWithToken(token: string, options: { baseUrl?: string; fetch?: typeof fetch } = {}): Promise<Result<null>> {
  const doFetch = options.fetch ?? window.fetch.bind(window);
  try {
    const response = await doFetch(`${options.baseUrl ?? ''}/api/auth/login`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    if (response.ok) return { ok: true, data: null };
    const body = (await response.json().catch(() => ({}))) as { message?: string; code?: string };
    return { ok: false, code: response.status === 429 ? 'rate_limited' : 'unauthenticated', message: body.message ?? 'That token is not right.' };
  } catch {
    return { ok: false, code: 'network', message: 'Vast Tray is not running, or this page lost contact with it.' };
  }
}

export async function logout(options: { baseUrl?: string; fetch?: typeof fetch } = {}): Promise<void> {
  const doFetch = options.fetch ?? window.fetch.bind(window);
  await doFetch(`${options.baseUrl ?? ''}/api/auth/logout`, { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
}
