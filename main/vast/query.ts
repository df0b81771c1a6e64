// Vast reads list parameters as JSON inside the query string. The official CLI encodes each
// value as Python's `quote_plus(json.dumps(v))`; we send byte-for-byte the same so that the
// server (and its rate limiter's cache keys) sees what it sees from the CLI.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** `json.dumps` with Python's default separators (`", "`, `": "`) and `ensure_ascii=True`. */
export function pythonJsonDumps(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('JSON cannot encode a non-finite number');
    return String(value);
  }
  if (typeof value === 'string') return asciiJsonString(value);
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  const entries = Object.entries(value).map(([k, v]) => `${asciiJsonString(k)}: ${pythonJsonDumps(v)}`);
  return `{${entries.join(', ')}}`;
}

function asciiJsonString(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Python's `urllib.parse.quote_plus`: only `A-Za-z0-9_.-~` stay, space becomes `+`. */
export function quotePlus(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** Builds `k=v&…` the way the CLI does: strings as they are, anything else as JSON. */
export function encodeQuery(params: Record<string, JsonValue | undefined>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, JsonValue] => entry[1] !== undefined)
    .map(([key, value]) => `${quotePlus(key)}=${quotePlus(typeof value === 'string' ? value : pythonJsonDumps(value))}`)
    .join('&');
}
