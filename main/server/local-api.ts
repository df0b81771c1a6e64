// The local API's lifecycle: start and stop with the Settings switch (off by default in the app,
// always on in browser mode), the login token, one-time login links, and a clear message when the
// port is taken. Binds 127.0.0.1 only.
import type { FastifyInstance } from 'fastify';
import type { LocalApiStatus } from '../../preload/contract.js';
import type { CommandHandlers, LocalApiPort } from '../commands.js';
import type { AppCore } from '../core/app-core.js';
import { CoreError } from '../core/core-error.js';
import { LoginThrottle, Sessions } from './auth.js';
import { buildLocalServer } from './local-server.js';

export const LOOPBACK = '127.0.0.1';

export interface LocalApiOptions {
  core: AppCore;
  /** A function, because the commands table itself needs this object (as its LocalApiPort). */
  commands: () => CommandHandlers;
  staticDir: string | null;
  /** Browser mode: the server runs whatever the Settings switch says. */
  alwaysOn?: boolean;
}

export class LocalApi implements LocalApiPort {
  private app: FastifyInstance | null = null;
  private port = 0;
  private lastError: string | null = null;
  private readonly sessions: Sessions;
  private readonly throttle: LoginThrottle;
  private transition: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: LocalApiOptions) {
    this.sessions = new Sessions(options.core.clock);
    this.throttle = new LoginThrottle(options.core.clock);
  }

  get url(): string | null {
    return this.app ? `http://${LOOPBACK}:${this.port}` : null;
  }

  /** Starts listening (on the Settings port unless told otherwise). A busy port is a clear error. */
  async start(port = this.options.core.settings.get().localApi.port): Promise<string> {
    await this.stop();
    const app = await buildLocalServer({
      core: this.options.core,
      commands: this.options.commands(),
      staticDir: this.options.staticDir,
      sessions: this.sessions,
      throttle: this.throttle,
      token: () => this.options.core.localApiToken(),
      port: () => this.port,
    });
    try {
      await app.listen({ host: LOOPBACK, port });
    } catch (error) {
      await app.close();
      const code = (error as NodeJS.ErrnoException).code;
      this.lastError =
        code === 'EADDRINUSE'
          ? `Port ${port} is already in use (another Vast Tray, or another program). Choose another port.`
          : `The local API could not start: ${error instanceof Error ? error.message : String(error)}`;
      throw new CoreError('unavailable', this.lastError);
    }
    const address = app.server.address();
    this.port = typeof address === 'object' && address ? address.port : port;
    this.app = app;
    this.lastError = null;
    return `http://${LOOPBACK}:${this.port}`;
  }

  async stop(): Promise<void> {
    const app = this.app;
    this.app = null;
    if (app) await app.close();
  }

  /** Follows the Settings switch and port; returns the function that stops following. */
  followSettings(): () => void {
    const apply = (): void => {
      const { enabled, port } = this.options.core.settings.get().localApi;
      const wanted = enabled || this.options.alwaysOn === true;
      this.transition = this.transition.then(async () => {
        if (!wanted) await this.stop();
        else if (!this.app || this.port !== port) await this.start(port).catch(() => undefined);
      });
    };
    const off = this.options.core.settings.events.on('changed', ({ settings, previous }) => {
      if (settings.localApi.enabled !== previous.localApi.enabled || settings.localApi.port !== previous.localApi.port) apply();
    });
    apply();
    return off;
  }

  /** Waits for a start or stop the Settings switch triggered. */
  settled(): Promise<void> {
    return this.transition.then(() => undefined);
  }

  /** A login link that works once, for ten minutes: printed in the terminal in browser mode. */
  oneTimeLoginUrl(): string {
    const base = this.url;
    if (!base) throw new CoreError('unavailable', 'The local API is not running.');
    return `${base}/login?code=${this.sessions.createOneTimeCode()}`;
  }

  async status(): Promise<LocalApiStatus> {
    return {
      enabled: this.options.alwaysOn === true || this.options.core.settings.get().localApi.enabled,
      running: this.app !== null,
      url: this.url,
      token: await this.options.core.localApiToken(),
      error: this.lastError,
    };
  }

  /** A new token: every session and login link made with the old one stops working. */
  async regenerateToken(): Promise<LocalApiStatus> {
    await this.options.core.regenerateLocalApiToken();
    this.sessions.endAll();
    return this.status();
  }
}
