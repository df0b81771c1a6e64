// Words for what went wrong. The core's outcome and error messages are English on purpose (the
// local API promises them word for word), so in another language we explain by the stable code.
import type { TFunction } from 'i18next';
import type { ErrorCode } from '../../../preload/models';

const EXPLAINED = new Set<ErrorCode>([
  'auth',
  'not_found',
  'rate_limited',
  'network',
  'timeout',
  'server',
  'no_key',
  'busy',
  'confirmation_required',
  'unavailable',
  'unauthenticated',
  'forbidden',
  'internal',
]);

export function describeError(t: TFunction, language: string, code: ErrorCode | null, message: string): string {
  if (message && (language.startsWith('en') || code === null || !EXPLAINED.has(code))) return message;
  return code && EXPLAINED.has(code) ? t(`errors.${code}`) : t('errors.internal');
}
