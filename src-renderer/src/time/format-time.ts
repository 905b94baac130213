import { parseApiDate } from './countdown';

/** A moment the way the technician's language writes it (date and time to the second); '' when unreadable. */
export function formatMoment(moment: string | undefined, locale: string): string {
  if (moment === undefined) return '';
  const epoch = parseApiDate(moment);
  if (Number.isNaN(epoch)) return moment;
  return new Date(epoch).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'medium' });
}

/** Only the time of day, for moments of today (checked at, expires at). */
export function formatClock(moment: string | number | undefined, locale: string): string {
  if (moment === undefined) return '';
  const epoch = typeof moment === 'number' ? moment : parseApiDate(moment);
  if (Number.isNaN(epoch)) return String(moment);
  return new Date(epoch).toLocaleTimeString(locale);
}
