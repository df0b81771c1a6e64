// The local server on a free loopback port, over a core that talks to the simulator, on the
// manual clock. HTTP calls that wait for an action drive the clock until they are answered.
import { mkdir, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { createCommands, type CommandHandlers } from '../../main/commands.js';
import { LocalApi } from '../../main/server/local-api.js';
import { createHarness, type Harness, type HarnessOptions } from './core-harness.js';

export interface ApiHarness extends Harness {
  api: LocalApi;
  base: string;
  port: number;
  token: string;
  /** Sends a request, advancing the fake clock until the answer arrives. */
  http(path: string, init?: HttpInit): Promise<HttpReply>;
  /** Logs in with the token and returns the session cookie. */
  login(): Promise<string>;
}

export interface HttpInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  json?: unknown;
  cookie?: string | null;
  /** Sent as the Host header (default 127.0.0.1:<port>). */
  host?: string;
}

export interface HttpReply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export async function createApiHarness(options: HarnessOptions = {}): Promise<ApiHarness> {
  const h = await createHarness(options);
  const staticDir = join(h.dataDir, 'renderer');
  await mkdir(staticDir, { recursive: true });
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Vast Tray</title><div id="root"></div>');
  let commands: CommandHandlers | null = null;
  const api = new LocalApi({ core: h.core, commands: () => commands!, staticDir, alwaysOn: true });
  commands = createCommands(h.core, { openExternal: async () => {}, localApi: api });
  const base = await api.start(0);
  const port = Number(new URL(base).port);
  const token = await h.core.localApiToken();

  const http: ApiHarness['http'] = async (path, init = {}) => {
    const { json, cookie, host } = init;
    const headers: Record<string, string> = Object.fromEntries(new Headers(init.headers));
    if (json !== undefined) headers['content-type'] = 'application/json';
    if (cookie) headers['cookie'] = cookie;
    // fetch() cannot send a foreign Host header; node:http can, and the Host check needs testing.
    headers['host'] = host ?? `127.0.0.1:${port}`;
    const body = json === undefined ? (typeof init.body === 'string' ? init.body : undefined) : JSON.stringify(json);
    let reply: HttpReply | undefined;
    let failure: Error | undefined;
    void send({ port, method: init.method ?? 'GET', path, headers, body }).then(
      (r) => (reply = r),
      (error: unknown) => (failure = error instanceof Error ? error : new Error('request failed')),
    );
    await h.runUntil(() => reply !== undefined || failure !== undefined, { what: `${init.method ?? 'GET'} ${path}` });
    if (failure) throw failure;
    return reply!;
  };

  const login = async (): Promise<string> => {
    const reply = await http('/api/auth/login', { method: 'POST', json: { token } });
    const cookie = reply.headers.get('set-cookie');
    if (reply.status !== 200 || !cookie) throw new Error(`login failed: ${reply.status} ${reply.text}`);
    return cookie.split(';')[0] ?? '';
  };

  return {
    ...h,
    api,
    base,
    port,
    token,
    http,
    login,
    close: async () => {
      await api.stop();
      await h.close();
    },
  };
}

function send(options: { port: number; method: string; path: string; headers: Record<string, string>; body: string | undefined }): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port: options.port, method: options.method, path: options.path, headers: options.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = null;
          }
          const headers = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
          }
          resolve({ status: response.statusCode ?? 0, headers, text, json });
        });
      },
    );
    request.on('error', reject);
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}
