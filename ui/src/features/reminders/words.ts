// A reminder rule in the user's words, for lists.
import { t } from '../../i18n';
import type { Group, ReminderRule } from '../../ipc/backend';

/** Weekday names by their number, 0 = Sunday (as the core stores them). */
export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
/** The order the form offers them in, Monday first. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;
export const weekdayName = (n: number): string => {
  const name = WEEKDAY_NAMES[n];
  return name ? t(`weekday.${name}` as const) : '';
};

export function ruleInWords(rule: ReminderRule, groups: Group[]): string {
  switch (rule.kind) {
    case 'before-meeting':
      return t('reminders.rule.before', {
        minutes: rule.minutes_before ?? 0,
        group: groups.find((g) => g.id === rule.group_id)?.name ?? '',
      });
    case 'daily-check-in':
      return t('reminders.rule.daily', { time: rule.time_of_day ?? '' });
    case 'weekly-buddy-call':
      return t('reminders.rule.weekly', { day: rule.weekday === null ? '' : weekdayName(rule.weekday), time: rule.time_of_day ?? '' });
    case 'custom':
      return t('reminders.rule.custom', { label: rule.label || t('reminders.rule.customUnnamed'), start: rule.start_local ?? '' });
  }
}
