// Money, durations and dates for people, with Intl, in the user's language. Shared by the renderer
// and by main (tray tooltip, menu and notifications) so every face says the same thing the same way.
// Pure: no DOM, no Node.

const currencyCache = new Map<string, Intl.NumberFormat>();

function currency(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let format = currencyCache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'USD',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    currencyCache.set(key, format);
  }
  return format;
}

/**
 * Dollars: cents for amounts of a cent or more, four decimals below that (a small disk costs
 * $0.0044/h, and "$0.00/h" would say it is free).
 */
export function formatMoney(value: number, locale: string): string {
  const abs = Math.abs(value);
  const digits = abs !== 0 && abs < 0.01 ? 4 : 2;
  return currency(locale, digits).format(value);
}

/** "$1.24/h" (the unit is the same in both our languages). */
export function formatPerHour(value: number, locale: string): string {
  return `${formatMoney(value, locale)}/h`;
}

export function formatPerMonth(value: number, locale: string): string {
  return `${formatMoney(value, locale)}/${locale.startsWith('pt') ? 'mês' : 'mo'}`;
}

type Unit = 'minute' | 'hour' | 'day';

function unit(locale: string, value: number, name: Unit): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'narrow', maximumFractionDigits: 0 }).format(value);
}

/** A duration the way a tray shows it: "45 min", "5 h 12 min", "3 d 4 h". */
export function formatDuration(ms: number, locale: string): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return unit(locale, minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest ? `${unit(locale, hours, 'hour')} ${unit(locale, rest, 'minute')}` : unit(locale, hours, 'hour');
  }
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours && days < 7 ? `${unit(locale, days, 'day')} ${unit(locale, restHours, 'hour')}` : unit(locale, days, 'day');
}

/** Runway in hours as "≈ 14 h" or "≈ 3 d" when long. */
export function formatRunway(hours: number, locale: string): string {
  if (hours >= 72) return `≈ ${unit(locale, Math.floor(hours / 24), 'day')}`;
  return `≈ ${unit(locale, Math.max(0, Math.floor(hours)), 'hour')}`;
}

export function formatPercent(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
}

export function formatDateTime(epochMs: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(epochMs));
}

export function formatTime(epochMs: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(epochMs));
}

/** "RTX 4090 × 2" style GPU description. */
export function formatGpu(name: string | null, count: number): string {
  return `${name ?? 'GPU'} × ${Math.max(1, count)}`;
}
