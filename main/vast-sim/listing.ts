// `GET /api/v1/instances/` as Vast serves it: JSON-in-query filters and ordering, keyset paging
// with an opaque base64 `next_token`, at most 25 rows a page, `select_cols` projection.
import type { RawRow } from './fleet-model.js';

export const MAX_LIMIT = 25;
/** Vast computes these per request; they cannot be filtered on. */
const COMPUTED = new Set(['dph_total', 'num_gpus', 'duration', 'uptime_mins']);
const OPS = new Set(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'notin']);

export class ListingError extends Error {
  constructor(
    readonly error: 'invalid_request' | 'invalid_token',
    message: string,
  ) {
    super(message);
  }
}

export interface ListQuery {
  select_filters?: string | undefined;
  order_by?: string | undefined;
  select_cols?: string | undefined;
  limit?: string | undefined;
  after_token?: string | undefined;
}

export interface ListPage {
  success: true;
  instances_found: number;
  total_instances: number;
  label_counts: Record<string, number>;
  next_token: string | null;
  instances: RawRow[];
}

interface OrderCol {
  col: string;
  dir: 'asc' | 'desc';
}

export function listPage(allRows: readonly RawRow[], query: ListQuery): ListPage {
  const filters = parseJson(query.select_filters, 'select_filters', {});
  const orderRaw = parseJson(query.order_by, 'order_by', []);
  const cols = parseJson(query.select_cols, 'select_cols', ['*']);
  const limit = parseLimit(query.limit);

  // Every row has the same columns; the first one says which can be ordered by.
  const known = new Set(Object.keys(allRows[0] ?? {}));
  known.add('id');
  const matching = allRows.filter((row) => matches(row, filters));
  const order = parseOrder(orderRaw, known);
  const sorted = [...matching].sort((a, b) => compareRows(a, b, order));

  let start = 0;
  if (query.after_token) {
    const after = decodeToken(query.after_token);
    start = sorted.findIndex((row) => compareToKey(row, after, order) > 0);
    if (start < 0) start = sorted.length;
  }
  const page = sorted.slice(start, start + limit);
  const last = page[page.length - 1];
  const more = start + limit < sorted.length;

  const labelCounts: Record<string, number> = {};
  for (const row of matching) {
    const label = typeof row['label'] === 'string' ? row['label'] : '';
    labelCounts[label] = (labelCounts[label] ?? 0) + 1;
  }

  return {
    success: true,
    instances_found: matching.length,
    total_instances: allRows.length,
    label_counts: labelCounts,
    next_token: more && last ? encodeToken(last, order) : null,
    instances: page.map((row) => project(row, cols)),
  };
}

function parseJson(value: string | undefined, name: string, fallback: unknown): unknown {
  if (value === undefined || value === '') return fallback;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new ListingError('invalid_request', `Error in query parameters: ${name} is not valid JSON`);
  }
}

function parseLimit(value: string | undefined): number {
  if (value === undefined || value === '') return MAX_LIMIT;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new ListingError('invalid_request', 'Error in query parameters: limit must be an integer');
  if (n <= 0) return 5;
  return Math.min(MAX_LIMIT, Math.floor(n));
}

function parseOrder(raw: unknown, known: ReadonlySet<string>): OrderCol[] {
  if (!Array.isArray(raw)) throw new ListingError('invalid_request', 'Error in query parameters: order_by must be a list');
  const order: OrderCol[] = [];
  for (const item of raw) {
    const col = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)['col'] : undefined;
    const dir = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)['dir'] : undefined;
    if (typeof col !== 'string' || !known.has(col)) {
      throw new ListingError('invalid_request', `Error in query parameters: ${String(col)} is not a valid order column`);
    }
    order.push({ col, dir: dir === 'desc' ? 'desc' : 'asc' });
  }
  if (!order.some((o) => o.col === 'id')) order.push({ col: 'id', dir: 'asc' });
  return order;
}

function matches(row: RawRow, filters: unknown): boolean {
  if (typeof filters !== 'object' || filters === null || Array.isArray(filters)) {
    throw new ListingError('invalid_request', 'Error in query parameters: select_filters must be an object');
  }
  for (const [key, condition] of Object.entries(filters as Record<string, unknown>)) {
    if (COMPUTED.has(key)) {
      throw new ListingError('invalid_request', `Error in query parameters: ${key} is not a valid search key`);
    }
    const value = row[key] ?? null;
    const ops = typeof condition === 'object' && condition !== null && !Array.isArray(condition) ? condition : { eq: condition };
    for (const [op, operand] of Object.entries(ops as Record<string, unknown>)) {
      if (!OPS.has(op)) throw new ListingError('invalid_request', `Error in query parameters: unknown operator ${op}`);
      if (!test(op, value, operand)) return false;
    }
  }
  return true;
}

function test(op: string, value: unknown, operand: unknown): boolean {
  switch (op) {
    case 'eq':
      return value === operand;
    case 'neq':
      return value !== operand;
    case 'in':
      return Array.isArray(operand) && operand.includes(value);
    case 'notin':
      return Array.isArray(operand) && !operand.includes(value);
    default: {
      if (typeof value !== 'number' || typeof operand !== 'number') return false;
      if (op === 'gt') return value > operand;
      if (op === 'gte') return value >= operand;
      if (op === 'lt') return value < operand;
      return value <= operand;
    }
  }
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return JSON.stringify(a).localeCompare(JSON.stringify(b));
}

function compareRows(a: RawRow, b: RawRow, order: readonly OrderCol[]): number {
  for (const { col, dir } of order) {
    const c = compareValues(a[col], b[col]);
    if (c !== 0) return dir === 'desc' ? -c : c;
  }
  return 0;
}

function compareToKey(row: RawRow, key: Record<string, unknown>, order: readonly OrderCol[]): number {
  for (const { col, dir } of order) {
    const c = compareValues(row[col], key[col]);
    if (c !== 0) return dir === 'desc' ? -c : c;
  }
  return 0;
}

/** Looks like Vast's: base64 of `{"values": {"id": 123}}`. */
function encodeToken(row: RawRow, order: readonly OrderCol[]): string {
  const values: Record<string, unknown> = {};
  for (const { col } of order) values[col] = row[col] ?? null;
  return Buffer.from(JSON.stringify({ values })).toString('base64');
}

function decodeToken(token: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as unknown;
    const values = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)['values'] : null;
    if (typeof values === 'object' && values !== null && 'id' in values) return values;
  } catch {
    // fall through
  }
  throw new ListingError('invalid_token', 'Invalid after_token');
}

function project(row: RawRow, cols: unknown): RawRow {
  if (!Array.isArray(cols) || cols.includes('*')) return row;
  const out: RawRow = {};
  for (const col of cols) if (typeof col === 'string') out[col] = row[col] ?? null;
  return out;
}
