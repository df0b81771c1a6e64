// Electron's safeStorage as a fallback when keytar cannot reach a keychain: the secret is encrypted
// with a key the OS protects and the ciphertext is kept in the data folder (mode 0600). Linux's
// `basic_text` backend encrypts with a hard-coded password, which is no protection: we treat it as
// unavailable. The shell passes Electron's object in; this file never imports electron itself.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/json-file.js';
import type { SecretName, SecretStore } from './secret-store.js';

/** Electron's `safeStorage`, sync API, plus the async one newer Electron versions add. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
  isAsyncEncryptionAvailable?(): Promise<boolean>;
  encryptStringAsync?(plainText: string): Promise<Buffer>;
  decryptStringAsync?(encrypted: Buffer): Promise<{ result: string } | string>;
}

export class SafeStorageSecretStore implements SecretStore {
  readonly backend = 'safe-storage' as const;

  constructor(
    private readonly safeStorage: SafeStorageLike,
    private readonly dataDir: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  async isAvailable(): Promise<boolean> {
    if (this.platform === 'linux' && this.safeStorage.getSelectedStorageBackend?.() === 'basic_text') return false;
    if (this.safeStorage.isAsyncEncryptionAvailable) return this.safeStorage.isAsyncEncryptionAvailable();
    return this.safeStorage.isEncryptionAvailable();
  }

  async get(name: SecretName): Promise<string | null> {
    let encrypted: Buffer;
    try {
      encrypted = await readFile(this.file(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    if (this.safeStorage.decryptStringAsync) {
      const decrypted = await this.safeStorage.decryptStringAsync(encrypted);
      return typeof decrypted === 'string' ? decrypted : decrypted.result;
    }
    return this.safeStorage.decryptString(encrypted);
  }

  async set(name: SecretName, value: string): Promise<void> {
    if (!(await this.isAvailable())) throw new Error('safeStorage cannot encrypt on this system.');
    const encrypted = this.safeStorage.encryptStringAsync
      ? await this.safeStorage.encryptStringAsync(value)
      : this.safeStorage.encryptString(value);
    await writeFileAtomic(this.file(name), encrypted, 0o600);
  }

  async delete(name: SecretName): Promise<void> {
    await rm(this.file(name), { force: true });
  }

  private file(name: SecretName): string {
    return join(this.dataDir, `${name}.enc`);
  }
}
