// The last resort: secrets kept in memory for this session only. Whoever picks it tells the user,
// once, that the key will not be remembered.
import type { SecretName, SecretStore } from './secret-store.js';

export class MemorySecretStore implements SecretStore {
  readonly backend = 'memory' as const;
  private readonly values = new Map<SecretName, string>();

  async isAvailable(): Promise<boolean> {
    return true;
  }

  async get(name: SecretName): Promise<string | null> {
    return this.values.get(name) ?? null;
  }

  async set(name: SecretName, value: string): Promise<void> {
    this.values.set(name, value);
  }

  async delete(name: SecretName): Promise<void> {
    this.values.delete(name);
  }
}
