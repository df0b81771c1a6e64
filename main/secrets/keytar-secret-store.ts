// The OS keychain through keytar: macOS Keychain, Windows Credential Vault, and the Secret Service
// (GNOME Keyring, KWallet) over D-Bus on Linux.
import { SECRET_SERVICE, type SecretName, type SecretStore } from './secret-store.js';

/** The part of keytar we use; tests and the loader below provide it. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

/** Loads the native module lazily: a missing or broken build must not stop the app from starting. */
export async function loadKeytar(): Promise<KeytarLike | null> {
  try {
    const module = (await import('keytar')) as KeytarLike & { default?: KeytarLike };
    return module.default ?? module;
  } catch {
    return null;
  }
}

export class KeytarSecretStore implements SecretStore {
  readonly backend = 'keychain' as const;

  constructor(
    private readonly keytar: KeytarLike | null,
    private readonly service: string = SECRET_SERVICE,
  ) {}

  /** Asks the keychain something harmless; no D-Bus session or a locked-out keychain throws. */
  async isAvailable(): Promise<boolean> {
    if (!this.keytar) return false;
    try {
      await this.keytar.findCredentials(this.service);
      return true;
    } catch {
      return false;
    }
  }

  async get(name: SecretName): Promise<string | null> {
    return (await this.required().getPassword(this.service, name)) ?? null;
  }

  async set(name: SecretName, value: string): Promise<void> {
    await this.required().setPassword(this.service, name, value);
  }

  async delete(name: SecretName): Promise<void> {
    await this.required().deletePassword(this.service, name);
  }

  private required(): KeytarLike {
    if (!this.keytar) throw new Error('The OS keychain is not available.');
    return this.keytar;
  }
}
