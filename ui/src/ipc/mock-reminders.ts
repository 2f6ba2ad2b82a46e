// The reminders half of the in-memory stand-in: rules, settings, and a "coming up" list for
// before-meeting and daily rules, computed from the mock's own occurrences. No timer and no
// notification: those are the shell's, tested end to end.
import type { Backend, DueReminder, LogEntry, Outcome, ReminderRule, ReminderSettings, RuleInput } from './backend';
import { fail, ok } from './mock-vault';

export type ReminderCommands = Pick<
  Backend,
  | 'reminderList'
  | 'reminderAdd'
  | 'reminderEdit'
  | 'reminderSetEnabled'
  | 'reminderDelete'
  | 'reminderSettings'
  | 'reminderSetSettings'
  | 'reminderNext'
  | 'reminderSnooze'
  | 'reminderDismiss'
  | 'reminderHistory'
>;

const MINUTE = 60_000;
const DAY = 86_400_000;

function invalid(input: RuleInput): string | null {
  switch (input.kind) {
    case 'before-meeting':
      if (input.group_id === null) return 'group_id: required for a before-meeting reminder';
      if (input.minutes_before === null || input.minutes_before < 1 || input.minutes_before > 10_080) return 'minutes_before: from 1 to 10080';
      return null;
    case 'daily-check-in':
    case 'weekly-buddy-call':
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(input.time_of_day ?? '')) return 'time_of_day: a time of day as HH:MM';
      if (input.kind === 'weekly-buddy-call' && input.weekday === null) return 'weekday: required for a weekly buddy call reminder';
      return null;
    case 'custom':
      return input.start_local && input.time_zone ? null : 'start_local: required for a custom reminder';
    default:
      return 'kind: required';
  }
}

export function mockReminders(isUnlocked: () => boolean, participation: Pick<Backend, 'meetingOccurrences'>): ReminderCommands {
  const rules: ReminderRule[] = [];
  const settled = new Map<string, LogEntry>();
  let settings: ReminderSettings = { quiet_start: null, quiet_end: null, paused: false, detail_group_ids: [] };
  let nextId = 1;
  const locked = <T>(): Outcome<T> => fail('locked', 'The vault is locked. Unlock it first.');
  const missing = <T>(): Outcome<T> => fail('not_found', 'No reminder was found.');
  const key = (ruleId: number, due: string): string => `${ruleId}@${due}`;
  const store = (id: number, input: RuleInput, enabled: boolean): ReminderRule => ({
    id,
    kind: input.kind ?? 'custom',
    group_id: input.group_id,
    minutes_before: input.minutes_before,
    time_of_day: input.time_of_day,
    weekday: input.weekday,
    start_local: input.start_local,
    time_zone: input.time_zone,
    rrule: input.rrule,
    label: (input.label ?? '').trim(),
    enabled,
    created_utc: new Date().toISOString(),
    active_from_utc: new Date().toISOString(),
  });

  async function upcoming(count: number): Promise<DueReminder[]> {
    const now = Date.now();
    const found: DueReminder[] = [];
    const occurrences = await participation.meetingOccurrences(new Date(now).toISOString(), new Date(now + 16 * DAY).toISOString(), null);
    for (const rule of rules.filter((r) => r.enabled && !settings.paused)) {
      if (rule.kind === 'before-meeting' && occurrences.status === 'ok') {
        for (const o of occurrences.data.filter((o) => o.group_id === rule.group_id && o.status !== 'cancelled')) {
          const due = new Date(Date.parse(o.start_utc) - (rule.minutes_before ?? 0) * MINUTE).toISOString();
          found.push({ rule_id: rule.id, kind: rule.kind, due_utc: due, due_local: due, deliver_utc: due, occurrence_id: o.occurrence_id, start_utc: o.start_utc, group_id: o.group_id });
        }
      } else if (rule.kind === 'daily-check-in' && rule.time_of_day) {
        const [h, m] = rule.time_of_day.split(':').map(Number);
        for (let d = 0; d < 3; d++) {
          const at = new Date(now + d * DAY);
          at.setHours(h ?? 0, m ?? 0, 0, 0);
          const due = at.toISOString();
          found.push({ rule_id: rule.id, kind: rule.kind, due_utc: due, due_local: due, deliver_utc: due, occurrence_id: null, start_utc: null, group_id: null });
        }
      }
    }
    return found
      .filter((d) => Date.parse(d.deliver_utc) >= now && !settled.has(key(d.rule_id, d.due_utc)))
      .sort((a, b) => a.deliver_utc.localeCompare(b.deliver_utc) || a.rule_id - b.rule_id)
      .slice(0, count);
  }

  function settle(ruleId: number, due: string, outcome: string, until: string | null): Outcome<null> {
    if (!rules.some((r) => r.id === ruleId)) return missing();
    const now = new Date().toISOString();
    settled.set(key(ruleId, due), { rule_id: ruleId, due_utc: due, occurrence_id: null, outcome, snoozed_until_utc: until, recorded_utc: now });
    return ok(null);
  }

  return {
    reminderList: async () => (isUnlocked() ? ok(rules.map((r) => ({ ...r }))) : locked()),
    reminderAdd: async (input) => {
      if (!isUnlocked()) return locked();
      const problem = invalid(input);
      if (problem) return fail('invalid_input', problem);
      const rule = store(nextId++, input, true);
      rules.push(rule);
      return ok({ ...rule });
    },
    reminderEdit: async (id, input) => {
      if (!isUnlocked()) return locked();
      const problem = invalid(input);
      if (problem) return fail('invalid_input', problem);
      const index = rules.findIndex((r) => r.id === id);
      const current = rules[index];
      if (!current) return missing();
      rules[index] = store(id, input, current.enabled);
      return ok({ ...rules[index] });
    },
    reminderSetEnabled: async (id, enabled) => {
      if (!isUnlocked()) return locked();
      const rule = rules.find((r) => r.id === id);
      if (!rule) return missing();
      rule.enabled = enabled;
      return ok({ ...rule });
    },
    reminderDelete: async (id) => {
      if (!isUnlocked()) return locked();
      const index = rules.findIndex((r) => r.id === id);
      if (index < 0) return missing();
      rules.splice(index, 1);
      return ok(null);
    },
    reminderSettings: async () => (isUnlocked() ? ok({ ...settings }) : locked()),
    reminderSetSettings: async (next) => {
      if (!isUnlocked()) return locked();
      if ((next.quiet_start === null) !== (next.quiet_end === null)) return fail('invalid_input', 'quiet hours: give both a start and an end, or neither');
      if (next.quiet_start !== null && next.quiet_start === next.quiet_end) return fail('invalid_input', 'quiet hours: start and end must differ');
      settings = { ...next, detail_group_ids: [...next.detail_group_ids].sort((a, b) => a - b) };
      return ok({ ...settings });
    },
    reminderNext: async (count) => (isUnlocked() ? ok(await upcoming(count)) : locked()),
    reminderSnooze: async (ruleId, due, snooze) => {
      if (!isUnlocked()) return locked();
      const until = new Date(Date.now() + (snooze === 'ten-minutes' ? 10 * MINUTE : snooze === 'one-hour' ? 60 * MINUTE : DAY)).toISOString();
      return settle(ruleId, due, 'snoozed', until);
    },
    reminderDismiss: async (ruleId, due) => (isUnlocked() ? settle(ruleId, due, 'dismissed', null) : locked()),
    reminderHistory: async () => (isUnlocked() ? ok([...settled.values()].sort((a, b) => b.due_utc.localeCompare(a.due_utc))) : locked()),
  };
}
