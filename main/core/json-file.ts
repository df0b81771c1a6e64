// Small JSON files in the app's data folder, written atomically (temp file, fsync, rename) so a
// crash or a full disk never leaves a half-written file behind.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temp, 'w', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}

export type JsonRead = { status: 'missing' } | { status: 'ok'; value: unknown } | { status: 'corrupt'; text: string };

/** Reads a JSON file, telling a missing file from one that does not parse. */
export async function readJson(path: string): Promise<JsonRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    throw error;
  }
  try {
    return { status: 'ok', value: JSON.parse(text) as unknown };
  } catch {
    return { status: 'corrupt', text };
  }
}

/**
 * Serialises writes to one file: a write that arrives while another is running waits, and only the
 * latest value is written, so bursts of changes cost at most two writes.
 */
export class SerialWriter {
  private running: Promise<void> | null = null;
  private queued: { value: unknown } | null = null;

  constructor(private readonly path: string) {}

  write(value: unknown): Promise<void> {
    this.queued = { value };
    if (!this.running) this.running = this.drain();
    return this.running;
  }

  /** Resolves once everything written so far is on disk. */
  flush(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async drain(): Promise<void> {
    try {
      while (this.queued) {
        const { value } = this.queued;
        this.queued = null;
        await writeJsonAtomic(this.path, value);
      }
    } finally {
      this.running = null;
    }
  }
}
