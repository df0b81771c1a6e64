// Raw Vast instance rows → the domain `Instance`. Rows come from a live API that adds fields, sends
// nulls, strings where numbers belong and status values nobody documented; this never throws,
// and anything it cannot read becomes null or the `unknown` state.
import type { DisplayState, Instance, PortMapping } from '../../preload/models.js';
import { formatGpu } from '../../preload/format.js';
import type { RawInstanceRow } from './raw.js';

/** `gpu_util` above this is nonsense; the CLI shows it as a percent. */
const MAX_PERCENT = 100;

export function normalizeInstance(row: RawInstanceRow): Instance | null {
  const id = positiveInt(row['id']);
  if (id === null) return null;

  const actual = status(row['actual_status']);
  const intended = status(row['intended_status']);
  const cur = status(row['cur_state']);
  const next = status(row['next_state']);
  const state = displayStateOf(actual, intended, cur);

  const label = text(row['label']);
  const gpuName = text(row['gpu_name']);
  const gpuCount = nonNegativeInt(row['num_gpus']) ?? 0;

  const runningPerHour = nonNegative(row['dph_total']);
  const storagePerHour = nonNegative(row['storage_total_cost']);

  const sshHost = text(row['ssh_host']);
  const sshPort = positiveInt(row['ssh_port']);

  return {
    id,
    name: label ?? formatGpu(gpuName, gpuCount),
    label,
    state,
    vast: { actual, intended, cur, next },
    gpu: {
      name: gpuName,
      count: gpuCount,
      utilPercent: clamp(nonNegative(row['gpu_util']), MAX_PERCENT),
      temperatureC: number(row['gpu_temp']),
      memoryMb: nonNegative(row['gpu_totalram']) ?? nonNegative(row['gpu_ram']),
    },
    price: {
      runningPerHour,
      storagePerHour,
      storagePerGbMonth: nonNegative(row['storage_cost']),
      burnPerHour: burnOf(state, runningPerHour, storagePerHour),
    },
    startedAt: epochMs(row['start_date']),
    endsAt: epochMs(row['end_date']),
    uptimeMinutes: state === 'running' ? nonNegative(row['uptime_mins']) : null,
    pausedSince: null,
    waitingSince: null,
    ssh: sshHost && sshPort ? { host: sshHost, port: sshPort } : null,
    publicIp: text(row['public_ipaddr']),
    ports: portsOf(row['ports']),
    image: text(row['image_uuid']),
    statusMessage: text(row['status_msg']),
    disk: {
      sizeGb: nonNegative(row['disk_space']),
      usedGb: nonNegative(row['disk_usage']),
      utilFraction: clamp(nonNegative(row['disk_util']), 1),
    },
    location: text(row['geolocation']),
    pending: null,
  };
}

/** Normalizes a list, dropping rows without a usable id (they cannot be acted on). */
export function normalizeInstances(rows: readonly RawInstanceRow[]): Instance[] {
  const out: Instance[] = [];
  const seen = new Set<number>();
  for (const row of rows) {
    const instance = normalizeInstance(row);
    if (instance && !seen.has(instance.id)) {
      seen.add(instance.id);
      out.push(instance);
    }
  }
  return out;
}


/**
 * The display state from Vast's three status fields (product.md, vast-api.md §4).
 * "Scheduling" is not a Vast value: it is a resume waiting for a GPU, which shows as
 * intended `running` while the contract (`cur_state`) is still `stopped`.
 */
export function displayStateOf(actual: string | null, intended: string | null, cur: string | null): DisplayState {
  switch (actual) {
    case 'running':
      return intended === 'stopped' ? 'pausing' : 'running';
    case 'rebooting':
      return 'rebooting';
    case 'frozen':
      return 'frozen';
    case 'unknown':
    case 'offline':
      return 'offline';
    default:
      break;
  }
  if (intended === 'running') {
    if (cur === 'stopped') return 'scheduling';
    if (actual === 'exited') return 'crashed';
    if (actual === null || actual === 'created' || actual === 'loading' || actual === 'restarting') return 'starting';
    if (actual === 'stopped') return 'starting';
    return 'unknown';
  }
  if (actual === 'stopped' || actual === 'exited') return 'paused';
  if (actual === 'created' || actual === 'loading' || actual === 'restarting') return 'starting';
  return 'unknown';
}

/** States in which the instance holds (and pays for) its GPU. */
const HOLDS_GPU = new Set<DisplayState>([
  'running',
  'frozen',
  'rebooting',
  'pausing',
  // A crashed container keeps its contract (`cur_state` running), so its GPU.
  'crashed',
]);

export function holdsGpu(state: DisplayState): boolean {
  return HOLDS_GPU.has(state);
}

/** What an instance costs right now: the full price while it holds its GPU, storage otherwise. */
export function burnOf(state: DisplayState, runningPerHour: number | null, storagePerHour: number | null): number {
  return holdsGpu(state) ? (runningPerHour ?? storagePerHour ?? 0) : (storagePerHour ?? 0);
}

function portsOf(value: unknown): PortMapping[] {
  if (Array.isArray(value)) {
    // The component schema says an array of container ports.
    return value
      .map((port) => positiveInt(port))
      .filter((port): port is number => port !== null)
      .map((port) => ({ container: `${port}/tcp`, hostIp: null, hostPort: null }));
  }
  if (typeof value !== 'object' || value === null) return [];
  const out: PortMapping[] = [];
  for (const [container, bindings] of Object.entries(value as Record<string, unknown>)) {
    const list = Array.isArray(bindings) ? bindings : [bindings];
    for (const binding of list) {
      const fields = typeof binding === 'object' && binding !== null ? (binding as Record<string, unknown>) : {};
      out.push({ container, hostIp: text(fields['HostIp']), hostPort: positiveInt(fields['HostPort']) });
    }
  }
  return out.sort((a, b) => (parseInt(a.container, 10) || 0) - (parseInt(b.container, 10) || 0));
}

function status(value: unknown): string | null {
  const t = text(value);
  return t === null ? null : t.toLowerCase();
}

function text(value: unknown): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function number(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** Vast uses -1 for "unknown" in several numeric fields. */
function nonNegative(value: unknown): number | null {
  const n = number(value);
  return n === null || n < 0 ? null : n;
}

function nonNegativeInt(value: unknown): number | null {
  const n = nonNegative(value);
  return n === null || !Number.isSafeInteger(Math.trunc(n)) ? null : Math.trunc(n);
}

function positiveInt(value: unknown): number | null {
  const n = number(value);
  return n !== null && Number.isSafeInteger(n) && n > 0 ? n : null;
}

function clamp(value: number | null, max: number): number | null {
  return value === null ? null : Math.min(value, max);
}

function epochMs(value: unknown): number | null {
  const seconds = nonNegative(value);
  if (seconds === null || seconds === 0) return null;
  const ms = seconds * 1000;
  return Number.isFinite(ms) && ms < 8.64e15 ? Math.round(ms) : null;
}
