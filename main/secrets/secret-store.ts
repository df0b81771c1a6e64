// Where secrets live: the Vast API key and the local API token. The port is the same for every
// backend; `createSecretStore` picks the best one that works on this machine.
import type { SecretBackend } from '../../preload/models.js';

export type SecretName = 'vast-api-key' | 'local-api-token';

export interface SecretStore {
  readonly backend: SecretBackend;
  /** Whether this backend can be used here and now (e.g. a Secret Service answers on D-Bus). */
  isAvailable(): Promise<boolean>;
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<void>;
}

/** The keychain service name every backend files secrets under. */
export const SECRET_SERVICE = 'Vast Tray';

export interface SecretStoreChoice {
  store: SecretStore;
  /** Backends that were tried first and were not available, best first. */
  skipped: SecretBackend[];
}

/**
 * The first available store of `candidates` (keychain → safeStorage → memory). The last
 * candidate is used even when it says it is unavailable, so there is always a store.
 */
export async function createSecretStore(candidates: readonly SecretStore[]): Promise<SecretStoreChoice> {
  const skipped: SecretBackend[] = [];
  for (const [index, store] of candidates.entries()) {
    const last = index === candidates.length - 1;
    let available: boolean;
    try {
      available = await store.isAvailable();
    } catch {
      available = false;
    }
    if (available || last) return { store, skipped };
    skipped.push(store.backend);
  }
  throw new Error('createSecretStore needs at least one candidate');
}
