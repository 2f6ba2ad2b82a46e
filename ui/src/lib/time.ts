// Showing instants in the user's own zone, and a meeting's own zone when it differs.
import { dateLocale } from '../i18n';
export const userZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function formatWhen(isoUtc: string, zone: string = userZone()): string {
  return new Intl.DateTimeFormat(dateLocale(), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
  }).format(new Date(isoUtc));
}

export function formatTime(isoUtc: string, zone: string = userZone()): string {
  return new Intl.DateTimeFormat(dateLocale(), { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(new Date(isoUtc));
}

interface WeekInfo {
  /** 1 (Monday) to 7 (Sunday). */
  firstDay: number;
}
/** Newer runtimes expose the week as a method, earlier ones as a property. */
type LocaleWithWeek = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };

/** Regions whose weeks start on Sunday, for runtimes that cannot say (CLDR's list, abridged). */
const SUNDAY_FIRST = new Set(['US', 'CA', 'MX', 'BR', 'JP', 'KR', 'IL', 'PH', 'IN', 'ZA', 'HK', 'TW']);

/** The first day of the week where the person lives: 1 (Monday) to 7 (Sunday). */
export function firstDayOfWeek(tag: string = navigator.language): number {
  try {
    const locale = new Intl.Locale(tag) as LocaleWithWeek;
    const info = locale.getWeekInfo?.() ?? locale.weekInfo;
    if (info && info.firstDay >= 1 && info.firstDay <= 7) return info.firstDay;
  } catch {
    // Not a valid tag: fall through to the region table.
  }
  const region = tag.split(/[-_]/)[1]?.toUpperCase();
  return region !== undefined && SUNDAY_FIRST.has(region) ? 7 : 1;
}

/** 00:00 (local) of the first day of the week containing `day`. */
export function startOfWeek(day: Date, firstDay: number = firstDayOfWeek()): Date {
  const start = new Date(day);
  start.setHours(0, 0, 0, 0);
  const sinceFirst = (start.getDay() - (firstDay % 7) + 7) % 7;
  start.setDate(start.getDate() - sinceFirst);
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
  return new Intl.DateTimeFormat(dateLocale(), { weekday: 'long', day: 'numeric', month: 'long' }).format(day);
}
