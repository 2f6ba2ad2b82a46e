// A reminder rule in the user's words, for lists.
import { t } from '../../i18n';
import type { Group, ReminderRule, Weekday } from '../../ipc/backend';

export const WEEKDAYS: Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

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
      return t('reminders.rule.weekly', { day: rule.weekday ? t(`weekday.${rule.weekday}` as const) : '', time: rule.time_of_day ?? '' });
    case 'custom':
      return t('reminders.rule.custom', { label: rule.label || t('reminders.rule.customUnnamed'), start: rule.start_local ?? '' });
  }
}
