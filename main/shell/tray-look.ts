// What the tray icon says at a glance (product.md, "Tray icon"): which of three looks, the tooltip
// "2 running · 1 paused · $1.24/h · $42.17 credit (≈34 h)", and the macOS title (the burn).
// Pure: a snapshot and settings in, strings out.
import { formatMoney, formatPerHour, formatRunway } from '../../preload/format.js';
import type { DisplayState, FleetSnapshot, Settings } from '../../preload/models.js';

export type TrayLook = 'idle' | 'running' | 'attention';
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** States in which an instance holds, or is about to hold, a GPU. */
const ACTIVE = new Set<DisplayState>(['running', 'starting', 'rebooting', 'frozen', 'pausing', 'resuming']);
const BROKEN = new Set<DisplayState>(['crashed', 'offline']);

/**
 * Attention: something the user should act on — a crashed or offline instance, a resume waiting
 * for a GPU longer than the "still waiting" setting, low credit or a short runway, a rejected key.
 * Then running: anything holds a GPU. Else idle.
 */
export function trayLook(
  snapshot: FleetSnapshot,
  settings: Pick<Settings, 'lowCreditDollars' | 'lowRunwayHours' | 'stillWaitingMinutes'>,
  now: number,
): TrayLook {
  if (snapshot.connection.status === 'auth_failed') return 'attention';
  const waitLimit = settings.stillWaitingMinutes * 60_000;
  for (const instance of snapshot.instances) {
    if (BROKEN.has(instance.state)) return 'attention';
    if (instance.state === 'scheduling' && instance.waitingSince !== null && now - instance.waitingSince >= waitLimit) return 'attention';
  }
  const { credit, runwayHours } = snapshot.money;
  if (credit !== null && credit < settings.lowCreditDollars) return 'attention';
  if (runwayHours !== null && runwayHours < settings.lowRunwayHours) return 'attention';
  return snapshot.instances.some((instance) => ACTIVE.has(instance.state)) ? 'running' : 'idle';
}

/** "2 running · 1 paused · $1.24/h · $42.17 credit (≈ 34 h)", or what is wrong with the connection. */
export function traySummary(snapshot: FleetSnapshot, t: Translate, locale: string): string {
  const { connection, money } = snapshot;
  if (connection.status === 'no_key') return t('tray.noKey');
  if (connection.status === 'auth_failed') return t('tray.authFailed');
  if (snapshot.updatedAt === null && connection.status === 'offline') return t('tray.offline');
  const counts = { running: money.counts.running, paused: money.counts.paused, burn: formatPerHour(money.burnPerHour, locale) };
  if (money.credit === null) return t('tray.summary', counts);
  const credit = formatMoney(money.credit, locale);
  if (money.runwayHours === null) return t('tray.summaryCreditOnly', { ...counts, credit });
  return t('tray.summaryCredit', { ...counts, credit, runway: formatRunway(money.runwayHours, locale) });
}

/** The tooltip: the summary, marked when it is demo data or when the numbers may be stale. */
export function trayTooltip(snapshot: FleetSnapshot, t: Translate, locale: string): string {
  const parts = [traySummary(snapshot, t, locale)];
  const { status } = snapshot.connection;
  if (snapshot.updatedAt !== null && status === 'offline') parts.unshift(t('tray.offline'));
  if (status === 'rate_limited') parts.unshift(t('tray.rateLimited'));
  if (snapshot.demo) parts.unshift(t('tray.demo'));
  return parts.join(' · ');
}

/** The macOS menu bar title: the burn while anything costs money, else nothing (the icon alone). */
export function trayTitle(snapshot: FleetSnapshot, locale: string): string {
  if (snapshot.connection.status === 'no_key' || snapshot.instances.length === 0) return '';
  return snapshot.money.burnPerHour > 0 ? formatPerHour(snapshot.money.burnPerHour, locale) : '';
}
