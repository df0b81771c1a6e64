// The core, assembled: settings, the secret store, the Vast client, the fleet, the notices and the
// history, with the API key lifecycle (test, store, replace, clear) and the demo mode. Every face
// (Electron shell, local server, tests) builds one AppCore and talks to it through the commands table.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Account, ActionRecord, KeyCheck, KeyStatus, Language } from '../../preload/models.js';
import { DEFAULT_VAST_URL, VastClient } from '../vast/client.js';
import { VastError } from '../vast/errors.js';
import type { SecretStore, SecretStoreChoice } from '../secrets/secret-store.js';
import { MemorySecretStore } from '../secrets/memory-secret-store.js';
import { ActionHistory } from './action-history.js';
import type { ActionTimeouts } from './action-runner.js';
import { systemClock, type Clock } from './clock.js';
import { CoreError } from './core-error.js';
import { FleetService } from './fleet-service.js';
import { resolveLanguage, translator } from './i18n.js';
import { SerialWriter, readJson } from './json-file.js';
import { NoticePolicy } from './notice-policy.js';
import { Observations } from './observations.js';
import { SettingsStore } from './settings-store.js';

/** Starts the built-in simulated fleet for "Try the demo". Provided by the composition root. */
export interface DemoSource {
  start(): Promise<{ baseUrl: string; apiKey: string; pausedSince: Record<number, number> }>;
  stop(): Promise<void>;
}

export interface AppCoreOptions {
  dataDir: string;
  secrets: SecretStoreChoice;
  clock?: Clock;
  /** Where Vast is: https://console.vast.ai unless overridden (VAST_URL, tests, the simulator). */
  vastBaseUrl?: string;
  osLocales?: () => readonly string[];
  demo?: DemoSource;
  timeouts?: Partial<ActionTimeouts>;
  random?: () => number;
  accountIntervalMs?: number;
  clientTimeoutMs?: number;
}

export class AppCore {
  readonly settings: SettingsStore;
  readonly fleet: FleetService;
  readonly notices: NoticePolicy;
  readonly history: ActionHistory;
  readonly clock: Clock;
  private secrets: SecretStore;
  private readonly client: VastClient;
  private readonly vastBaseUrl: string;
  private readonly osLocales: () => readonly string[];
  private readonly demoSource: DemoSource | undefined;
  private readonly writers: SerialWriter[] = [];
  private readonly observations: Observations;
  private readonly clientOptions: { sleep: (ms: number) => Promise<void>; random: (() => number) | undefined; timeoutMs: number | undefined };
  private storedKeyLast4: string | null = null;
  private demoActive = false;
  private memoryNoticeShown = false;

  private constructor(options: AppCoreOptions) {
    this.clock = options.clock ?? systemClock;
    this.secrets = options.secrets.store;
    this.vastBaseUrl = options.vastBaseUrl ?? DEFAULT_VAST_URL;
    this.osLocales = options.osLocales ?? (() => [Intl.DateTimeFormat().resolvedOptions().locale]);
    this.demoSource = options.demo;
    this.settings = new SettingsStore(options.dataDir);
    this.clientOptions = { sleep: (ms) => this.clock.sleep(ms), random: options.random, timeoutMs: options.clientTimeoutMs };
    this.client = new VastClient({ baseUrl: this.vastBaseUrl, ...this.clientOptions });

    const historyWriter = this.writer(join(options.dataDir, 'history.json'));
    const observationsWriter = this.writer(join(options.dataDir, 'observations.json'));
    this.history = new ActionHistory((records) => void historyWriter.write(records));
    this.observations = new Observations((file) => void observationsWriter.write(file));
    this.fleet = new FleetService({
      client: this.client,
      clock: this.clock,
      settings: () => this.settings.get(),
      history: this.history,
      observations: this.observations,
      ...(options.timeouts ? { timeouts: options.timeouts } : {}),
      ...(options.random ? { random: options.random } : {}),
      ...(options.accountIntervalMs !== undefined ? { accountIntervalMs: options.accountIntervalMs } : {}),
    });
    this.notices = new NoticePolicy({ clock: this.clock, settings: () => this.settings.get(), language: () => this.language() });
    this.notices.attach(this.fleet);
    this.fleet.events.on('actionFinished', () => this.fleet.events.emit('historyChanged', this.history.list()));
    this.fleet.events.on('actionStarted', () => this.fleet.events.emit('historyChanged', this.history.list()));
    this.settings.events.on('reset', () => {
      this.notices.publish('settings_reset', { severity: 'warning', dedupeKey: `settings_reset:${this.clock.now()}` });
    });
  }

  /** Builds the core and reads what a previous run left: settings, history, observations, the key. */
  static async create(options: AppCoreOptions): Promise<AppCore> {
    const core = new AppCore(options);
    await core.settings.load();
    const [history, observations] = await Promise.all([
      readJson(join(options.dataDir, 'history.json')),
      readJson(join(options.dataDir, 'observations.json')),
    ]);
    if (history.status === 'ok') core.history.load(history.value, core.clock.now());
    if (observations.status === 'ok') core.observations.load(observations.value);
    return core;
  }

  /** Starts watching the fleet with the stored key, or the demo fleet when asked (`npm run demo`). */
  async start(options: { demo?: boolean } = {}): Promise<void> {
    if (options.demo) {
      await this.startDemo();
    } else {
      const key = await this.readStoredKey();
      this.fleet.setApiKey(key);
    }
    this.fleet.start();
  }

  /**
   * Resolves once no request to Vast is on the wire. Tests use it to let real HTTP finish between
   * two steps of the manual clock, instead of sleeping.
   */
  whenIdle(): Promise<void> {
    return this.client.whenIdle();
  }

  get requestsInFlight(): number {
    return this.client.inFlight;
  }

  /** The language notices and menus speak: the setting, or the OS language. */
  language(): Language {
    return resolveLanguage(this.settings.get().language, this.osLocales());
  }

  getAccount(): Account | null {
    return this.fleet.getAccount();
  }

  getHistory(): ActionRecord[] {
    return this.history.list();
  }

  keyStatus(): KeyStatus {
    return {
      stored: this.storedKeyLast4 !== null,
      last4: this.storedKeyLast4,
      backend: this.secrets.backend,
      demo: this.demoActive,
    };
  }

  /** Checks a key against Vast (the account and the instance list) without keeping it. */
  async testKey(key: string): Promise<KeyCheck> {
    const { t } = translator(this.language());
    const probe = new VastClient({ baseUrl: this.vastBaseUrl, apiKey: key, ...this.clientOptions, retry: { attempts: 3 } });
    try {
      const account = await probe.getUser();
      await probe.listInstances();
      return { valid: true, code: null, message: t('keyCheck.ok', { who: account.email ?? account.username ?? '—' }), account };
    } catch (error) {
      if (!(error instanceof VastError)) throw error;
      const message =
        error.code === 'auth'
          ? t(error.authKind === 'forbidden' ? 'keyCheck.forbidden' : 'keyCheck.invalid')
          : error.code === 'network' || error.code === 'timeout'
            ? t('keyCheck.network', { reason: error.message })
            : t('keyCheck.other', { reason: error.message });
      return { valid: false, code: error.code, message, account: null };
    }
  }

  /** Tests the key, stores it in the keychain and switches the fleet to it. */
  async setKey(key: string): Promise<KeyStatus> {
    const trimmed = key.trim();
    const check = await this.testKey(trimmed);
    if (!check.valid) throw new CoreError(check.code ?? 'auth', check.message);
    try {
      await this.secrets.set('vast-api-key', trimmed);
    } catch (error) {
      // The keychain said no (locked, or it went away): keep the key for this session only.
      const reason = error instanceof Error ? error.message : String(error);
      console.warn('[vast-tray] could not store the API key in the keychain; keeping it in memory:', reason);
      this.secrets = new MemorySecretStore();
      await this.secrets.set('vast-api-key', trimmed);
    }
    if (this.secrets.backend === 'memory') this.noticeMemoryStore();
    this.storedKeyLast4 = trimmed.slice(-4);
    await this.leaveDemo();
    this.fleet.setApiKey(trimmed);
    return this.keyStatus();
  }

  async clearKey(): Promise<KeyStatus> {
    await this.secrets.delete('vast-api-key');
    this.storedKeyLast4 = null;
    if (!this.demoActive) this.fleet.setApiKey(null);
    return this.keyStatus();
  }

  /** "Try the demo": the built-in simulated fleet, clearly marked as demo data. */
  async startDemo(): Promise<KeyStatus> {
    if (!this.demoSource) throw new CoreError('unavailable', translator(this.language()).t('keyCheck.demoUnavailable'));
    const demo = await this.demoSource.start();
    for (const [id, at] of Object.entries(demo.pausedSince)) this.observations.seedPaused(Number(id), at);
    this.client.setBaseUrl(demo.baseUrl);
    this.demoActive = true;
    this.fleet.setDemo(true);
    this.fleet.setApiKey(demo.apiKey);
    return this.keyStatus();
  }

  /** Back from the demo to the user's own key (or to "no key yet"). */
  async stopDemo(): Promise<KeyStatus> {
    await this.leaveDemo();
    this.fleet.setApiKey(await this.readStoredKey());
    return this.keyStatus();
  }

  /** The local API's login token, created on first use and kept in the secret store. */
  async localApiToken(): Promise<string> {
    const existing = await this.secrets.get('local-api-token').catch(() => null);
    if (existing) return existing;
    return this.regenerateLocalApiToken();
  }

  /** A new random token (256 bits); the old one stops working. */
  async regenerateLocalApiToken(): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.secrets.set('local-api-token', token);
    return token;
  }

  async dispose(): Promise<void> {
    this.fleet.stop();
    this.notices.dispose();
    await Promise.all(this.writers.map((w) => w.flush()));
    if (this.demoActive) await this.demoSource?.stop();
  }

  private async leaveDemo(): Promise<void> {
    if (!this.demoActive) return;
    this.demoActive = false;
    this.client.setBaseUrl(this.vastBaseUrl);
    this.fleet.setDemo(false);
    await this.demoSource?.stop();
  }

  private async readStoredKey(): Promise<string | null> {
    try {
      const key = await this.secrets.get('vast-api-key');
      this.storedKeyLast4 = key ? key.slice(-4) : null;
      return key;
    } catch (error) {
      console.warn('[vast-tray] could not read the API key from the keychain:', error instanceof Error ? error.message : error);
      this.storedKeyLast4 = null;
      return null;
    }
  }

  private noticeMemoryStore(): void {
    if (this.memoryNoticeShown) return;
    this.memoryNoticeShown = true;
    this.notices.publish('key_not_remembered', { severity: 'warning', dedupeKey: 'key_not_remembered' });
  }

  private writer(path: string): SerialWriter {
    const writer = new SerialWriter(path);
    this.writers.push(writer);
    return writer;
  }
}
