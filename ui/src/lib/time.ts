// Showing instants in the user's own zone, and a meeting's own zone when it differs.
export const userZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function formatWhen(isoUtc: string, zone: string = userZone()): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
  }).format(new Date(isoUtc));
}

export function formatTime(isoUtc: string, zone: string = userZone()): string {
  return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(new Date(isoUtc));
}

/** Monday 00:00 (local) of the week containing `day`. */
export function startOfWeek(day: Date): Date {
  const start = new Date(day);
  start.setHours(0, 0, 0, 0);
  const sinceMonday = (start.getDay() + 6) % 7;
  start.setDate(start.getDate() - sinceMonday);
  return start;
}

export function addDays(day: Date, days: number): Date {
  const next = new Date(day);
  next.setDate(next.getDate() + days);
  return next;
}

/** YYYY-MM-DD of a local date. */
export function isoDay(day: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

export function formatDay(day: Date): string {
  return new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' }).format(day);
}
