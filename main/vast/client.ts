// The Vast.ai REST client, as the official CLI uses the API (see ../shared/vast-api.md).
// Every quirk of the API is handled here so that nothing above this layer has to know it:
// v1 keyset paging, `{"instances": null}`, `resources_unavailable` with HTTP 200, plain-text 429s
// without Retry-After, and `/users/current` bodies that carry the API key.
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { z } from 'zod';
import type { Account } from '../../preload/models.js';
import { VastError, redact, type VastErrorCode } from './errors.js';
import { encodeQuery } from './query.js';
import {
  ActionResponseSchema,
  ListPageSchema,
  ShowInstanceSchema,
  UserSchema,
  isRow,
  type ActionResponse,
  type RawInstanceRow,
} from './raw.js';
import { DEFAULT_RETRY_POLICY, backoffDelay, type RetryPolicy } from './retry.js';
import { APP_VERSION } from '../app-info.js';

export const DEFAULT_VAST_URL = 'https://console.vast.ai';
/** The v1 list endpoint never returns more than 25 rows a page. */
export const PAGE_LIMIT = 25;
/** Vast refuses bulk start/stop with more than 64 ids. */
export const BULK_CHUNK = 64;
/** A guard against a server that keeps handing out tokens: 1,000 pages is 25,000 instances. */
const MAX_PAGES = 1_000;

export interface VastClientOptions {
  baseUrl?: string;
  apiKey?: string | null;
  /** Per request, in ms. The CLI uses 120 s; a tray app wants to know sooner. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** How to wait between retries; tests pass a fake clock's sleep. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  userAgent?: string;
}

export type ResumeResult = { status: 'started' } | { status: 'queued'; message: string };

export interface SnapshotOptions {
  /** e.g. `ada/snap`. */
  repo: string;
  registry?: string;
  username: string;
  password: string;
  /** Pause the container while the snapshot is taken (Vast's default). */
  pause?: boolean;
}

export interface BulkResult {
  succeeded: number[];
  failed: Array<{ ids: number[]; error: VastError }>;
}

interface RequestSpec {
  operation: string;
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
  /**
   * Whether sending the request twice is harmless (setting a state or a label, GET, DELETE).
   * Only such requests are resent after an answer that leaves it unknown whether the server
   * acted (timeout, dropped connection, 502/503/504). A 429 is always safe to resend: Vast
   * refused the request before acting on it.
   */
  resendable: boolean;
  /** DELETE that was resent after an unclear failure: a 404 then means the first one worked. */
  notFoundAfterResendMeansDone?: boolean;
}

interface Reply {
  status: number;
  body: unknown;
}

const RETRY_STATUSES = new Set([502, 503, 504]);

export class VastClient {
  private readonly http: AxiosInstance;
  private apiKey: string | null;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private active = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(options: VastClientOptions = {}) {
    this.apiKey = options.apiKey ?? null;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.http = axios.create({
      baseURL: (options.baseUrl ?? DEFAULT_VAST_URL).replace(/\/+$/, ''),
      timeout: options.timeoutMs ?? 20_000,
      headers: { 'User-Agent': options.userAgent ?? `vast-tray/${APP_VERSION}`, Accept: 'application/json' },
      // We read the body as text and parse it ourselves: 429s are often plain text, and a body
      // that does not parse must become a typed error, not an exception from deep inside axios.
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      maxRedirects: 0,
      proxy: false,
      transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: false },
    });
  }

  /** Points the client elsewhere, e.g. at the built-in simulator for the demo. */
  setBaseUrl(url: string): void {
    this.http.defaults.baseURL = url.replace(/\/+$/, '');
  }

  get baseUrl(): string {
    return this.http.defaults.baseURL ?? DEFAULT_VAST_URL;
  }

  setApiKey(key: string | null): void {
    this.apiKey = key && key.trim() ? key.trim() : null;
  }

  get hasApiKey(): boolean {
    return this.apiKey !== null;
  }

  /** Requests on the wire right now (not counting waits between retries). */
  get inFlight(): number {
    return this.active;
  }

  /** Resolves once no request is on the wire. Tests use it to wait for I/O without sleeping. */
  whenIdle(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Every instance of the account, following `next_token` through all pages. */
  async listInstances(): Promise<RawInstanceRow[]> {
    const rows: RawInstanceRow[] = [];
    const seenTokens = new Set<string>();
    let token: string | null = null;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const query = encodeQuery({
        select_filters: {},
        order_by: [{ col: 'id', dir: 'asc' }],
        limit: PAGE_LIMIT,
        after_token: token ?? undefined,
      });
      const reply = await this.send({
        operation: 'listInstances',
        method: 'GET',
        path: `/api/v1/instances/?${query}`,
        resendable: true,
      });
      const parsed = this.parse(ListPageSchema, reply, 'listInstances');
      if (parsed.success === false) throw this.vastError(reply, 'listInstances');
      for (const row of parsed.instances ?? []) if (isRow(row)) rows.push(row);
      token = parsed.next_token ?? null;
      if (!token) return rows;
      if (seenTokens.has(token)) {
        throw new VastError('bad_response', 'Vast returned the same page token twice while listing instances.', {
          operation: 'listInstances',
        });
      }
      seenTokens.add(token);
    }
    throw new VastError('bad_response', `Vast returned more than ${MAX_PAGES} pages of instances.`, {
      operation: 'listInstances',
    });
  }

  /** One instance, or null when Vast does not know it (it answers 200 `{"instances": null}`). */
  async getInstance(id: number): Promise<RawInstanceRow | null> {
    const reply = await this.send({
      operation: 'getInstance',
      method: 'GET',
      path: `/api/v0/instances/${checkId(id)}/?owner=me`,
      resendable: true,
    });
    const parsed = this.parse(ShowInstanceSchema, reply, 'getInstance');
    return parsed.instances ?? null;
  }

  async pauseInstance(id: number): Promise<void> {
    await this.action('pauseInstance', 'PUT', `/api/v0/instances/${checkId(id)}/`, { state: 'stopped' }, true);
  }

  /**
   * Asks Vast to start a paused instance. When the GPU was taken meanwhile, Vast answers 200 with
   * `success:false, error:"resources_unavailable"`: the request is queued, not refused.
   */
  async resumeInstance(id: number): Promise<ResumeResult> {
    const body = await this.actionBody('resumeInstance', 'PUT', `/api/v0/instances/${checkId(id)}/`, {
      state: 'running',
    }, true);
    return resumeResultOf(body, 'resumeInstance');
  }

  async pauseInstances(ids: readonly number[]): Promise<BulkResult> {
    return this.bulkState(ids, 'stopped', 'pauseInstances');
  }

  async resumeInstances(ids: readonly number[]): Promise<BulkResult> {
    return this.bulkState(ids, 'running', 'resumeInstances');
  }

  async destroyInstance(id: number): Promise<void> {
    const spec: RequestSpec = {
      operation: 'destroyInstance',
      method: 'DELETE',
      path: `/api/v0/instances/${checkId(id)}/`,
      body: {},
      resendable: true,
      notFoundAfterResendMeansDone: true,
    };
    this.requireSuccess(await this.send(spec), 'destroyInstance');
  }

  async labelInstance(id: number, label: string): Promise<void> {
    if (label.length > 1024) {
      throw new VastError('vast_error', 'A label can be at most 1024 characters.', {
        operation: 'labelInstance',
        vastError: 'invalid_args',
        vastMessage: 'label_too_long',
      });
    }
    await this.action('labelInstance', 'PUT', `/api/v0/instances/${checkId(id)}/`, { label }, true);
  }

  /** Rebooting twice is not harmless, so an unclear failure is reported rather than resent. */
  async rebootInstance(id: number): Promise<void> {
    await this.action('rebootInstance', 'PUT', `/api/v0/instances/reboot/${checkId(id)}/`, {}, false);
  }

  async takeSnapshot(id: number, options: SnapshotOptions): Promise<void> {
    // The CLI sends the id as a string and `pause` as the string "true"/"false".
    await this.action(
      'takeSnapshot',
      'POST',
      `/api/v0/instances/take_snapshot/${checkId(id)}/`,
      {
        id: String(id),
        container_registry: options.registry ?? 'docker.io',
        personal_repo: options.repo,
        docker_login_user: options.username,
        docker_login_pass: options.password,
        pause: options.pause === false ? 'false' : 'true',
      },
      false,
    );
  }

  /** The account, with `api_key` dropped on arrival. Credit is `credit`, else `balance`. */
  async getUser(): Promise<Account> {
    const reply = await this.send({
      operation: 'getUser',
      method: 'GET',
      path: '/api/v0/users/current',
      resendable: true,
    });
    if (isRow(reply.body)) delete reply.body['api_key'];
    const user = this.parse(UserSchema, reply, 'getUser');
    return {
      credit: finiteNumber(user.credit) ?? finiteNumber(user.balance),
      email: user.email ?? null,
      username: user.username ?? null,
    };
  }

  private async bulkState(ids: readonly number[], state: 'running' | 'stopped', operation: string): Promise<BulkResult> {
    const unique = [...new Set(ids.map(checkId))];
    const result: BulkResult = { succeeded: [], failed: [] };
    for (let i = 0; i < unique.length; i += BULK_CHUNK) {
      const chunk = unique.slice(i, i + BULK_CHUNK);
      try {
        await this.action(operation, 'PUT', '/api/v0/instances/', { state, ids: chunk }, true);
        result.succeeded.push(...chunk);
      } catch (error) {
        if (!(error instanceof VastError)) throw error;
        result.failed.push({ ids: chunk, error });
      }
    }
    return result;
  }

  private async action(
    operation: string,
    method: RequestSpec['method'],
    path: string,
    body: unknown,
    resendable: boolean,
  ): Promise<void> {
    const parsed = await this.actionBody(operation, method, path, body, resendable);
    if (parsed.success !== true) throw vastErrorFromBody(parsed, 200, operation);
  }

  private async actionBody(
    operation: string,
    method: RequestSpec['method'],
    path: string,
    body: unknown,
    resendable: boolean,
  ): Promise<ActionResponse> {
    const reply = await this.send({ operation, method, path, body, resendable });
    return this.parse(ActionResponseSchema, reply, operation);
  }

  private requireSuccess(reply: Reply, operation: string): void {
    const parsed = this.parse(ActionResponseSchema, reply, operation);
    if (parsed.success !== true) throw vastErrorFromBody(parsed, reply.status, operation);
  }

  private parse<S extends z.ZodType>(schema: S, reply: Reply, operation: string): z.infer<S> {
    const result = schema.safeParse(reply.body);
    if (!result.success) {
      throw new VastError('bad_response', `Vast sent a reply we could not read (${operation}).`, {
        status: reply.status,
        operation,
      });
    }
    return result.data;
  }

  private vastError(reply: Reply, operation: string): VastError {
    const parsed = ActionResponseSchema.safeParse(reply.body);
    return vastErrorFromBody(parsed.success ? parsed.data : {}, reply.status, operation);
  }

  /** Sends one request, retrying what is safe to retry, and returns a 2xx reply with its JSON body. */
  private async send(spec: RequestSpec): Promise<Reply> {
    let lastError: VastError | null = null;
    let unclearEarlier = false;
    for (let attempt = 0; attempt < this.retry.attempts; attempt += 1) {
      if (attempt > 0) await this.sleep(backoffDelay(attempt - 1, this.retry, this.random));
      let response: AxiosResponse<string>;
      this.active += 1;
      try {
        response = await this.http.request<string>({
          method: spec.method,
          url: spec.path,
          headers: this.authHeaders(spec.body !== undefined),
          data: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        });
      } catch (error) {
        const failure = transportError(error, spec.operation);
        const neverReachedServer = failure.reached === false;
        lastError = failure.error;
        if (!neverReachedServer) unclearEarlier = true;
        if (!(neverReachedServer || spec.resendable)) throw lastError;
        continue;
      } finally {
        this.active -= 1;
        if (this.active === 0) this.flushIdle();
      }

      const { status } = response;
      if (status === 404 && unclearEarlier && spec.notFoundAfterResendMeansDone) {
        return { status: 200, body: { success: true } };
      }
      if (status === 429) {
        lastError = new VastError('rate_limited', 'Vast is rate limiting requests; trying again shortly.', {
          status,
          operation: spec.operation,
          vastMessage: shortText(response.data, this.apiKey),
        });
        continue;
      }
      if (RETRY_STATUSES.has(status)) {
        lastError = httpError(status, parseJson(response.data), spec.operation, response.data, this.apiKey);
        unclearEarlier = true;
        if (!spec.resendable) throw lastError;
        continue;
      }
      const body = parseJson(response.data);
      if (status >= 200 && status < 300) {
        if (body === undefined) {
          throw new VastError('bad_response', `Vast sent a reply that is not JSON (${spec.operation}).`, {
            status,
            operation: spec.operation,
          });
        }
        return { status, body };
      }
      throw httpError(status, body, spec.operation, response.data, this.apiKey);
    }
    throw lastError ?? new VastError('network', 'The request was not sent.', { operation: spec.operation });
  }

  private authHeaders(hasBody: boolean): Record<string, string> {
    const headers: Record<string, string> = {};
    if (this.apiKey) headers['Authorization'] = `Bearer ${this.apiKey}`;
    if (hasBody) headers['Content-Type'] = 'application/json';
    return headers;
  }

  private flushIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

function checkId(id: number): number {
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new VastError('vast_error', `Not an instance id: ${String(id)}.`, { vastError: 'invalid_args' });
  }
  return id;
}

function resumeResultOf(body: ActionResponse, operation: string): ResumeResult {
  if (body.success === true) return { status: 'started' };
  if (body.error === 'resources_unavailable') {
    return { status: 'queued', message: body.msg ?? 'Required resources are currently unavailable, state change queued.' };
  }
  throw vastErrorFromBody(body, 200, operation);
}

function vastErrorFromBody(body: ActionResponse | Record<string, never>, status: number, operation: string): VastError {
  const vastError = 'error' in body ? (body.error ?? undefined) : undefined;
  const vastMessage = ('msg' in body ? body.msg : undefined) ?? ('message' in body ? body.message : undefined) ?? undefined;
  const text = vastMessage ?? vastError ?? 'Vast did not accept the request.';
  return new VastError('vast_error', text, { status, vastError, vastMessage, operation });
}

function httpError(status: number, body: unknown, operation: string, rawText: string, apiKey: string | null): VastError {
  const fields = ActionResponseSchema.safeParse(body);
  const vastError = fields.success ? (fields.data.error ?? undefined) : undefined;
  const vastMessage = fields.success
    ? (fields.data.msg ?? fields.data.message ?? undefined)
    : shortText(rawText, apiKey);
  const details = { status, vastError, vastMessage, operation };
  const code: VastErrorCode = status === 401 || status === 403 ? 'auth' : status === 404 ? 'not_found' : status >= 500 ? 'server' : 'vast_error';
  switch (code) {
    case 'auth':
      return status === 401
        ? new VastError('auth', 'Vast rejected the API key (401): it is wrong, deleted or revoked.', {
            ...details,
            authKind: 'invalid_key',
          })
        : new VastError('auth', 'The API key lacks a permission this needs (403).', { ...details, authKind: 'forbidden' });
    case 'not_found':
      return new VastError('not_found', vastMessage ?? 'Vast does not know this instance (404).', details);
    case 'server':
      return new VastError('server', `Vast had a server error (${status}).`, details);
    default:
      return new VastError('vast_error', vastMessage ?? vastError ?? `Vast answered ${status}.`, details);
  }
}

interface TransportFailure {
  error: VastError;
  /** false when the request certainly never reached the server (connection refused, DNS). */
  reached: boolean;
}

function transportError(error: unknown, operation: string): TransportFailure {
  const code = axios.isAxiosError(error) ? error.code : undefined;
  if (code === 'ETIMEDOUT' || code === 'ECONNABORTED') {
    return { error: new VastError('timeout', 'Vast did not answer in time.', { operation }), reached: true };
  }
  const neverReached = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENETUNREACH';
  // Only the error code is kept: axios errors hold the request config, headers included.
  return {
    error: new VastError('network', `Could not reach Vast${code ? ` (${code})` : ''}.`, { operation }),
    reached: !neverReached,
  };
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return text ?? undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function shortText(text: unknown, apiKey: string | null): string | undefined {
  if (typeof text !== 'string' || !text.trim()) return undefined;
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return redact(oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine, [apiKey]);
}

function finiteNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}
