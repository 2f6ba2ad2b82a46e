// The participation half of the in-memory stand-in: groups, meetings, attendance, insights.
// Deliberately simple (wall times are read as UTC, rules are weekly or daily with an optional
// COUNT): enough to drive every screen in a browser, never part of the desktop build.
import type { Attendance, Backend, Group, Insights, Meeting, Milestone, Occurrence, Outcome } from './backend';
import { fail, ok } from './mock-vault';

export type ParticipationCommands = Pick<
  Backend,
  | 'groupList'
  | 'groupGet'
  | 'groupOpenMeetingLink'
  | 'groupAdd'
  | 'groupEdit'
  | 'groupArchive'
  | 'groupDelete'
  | 'meetingList'
  | 'meetingAdd'
  | 'meetingSetException'
  | 'meetingOccurrences'
  | 'attendanceRecord'
  | 'attendanceList'
  | 'attendanceAwaiting'
  | 'insightsCompute'
  | 'groupRecordMembership'
  | 'milestoneCurrent'
  | 'milestoneStart'
  | 'milestoneReset'
>;

const DAY = 86_400_000;

function expand(meeting: Meeting, from: number, to: number): Occurrence[] {
  const first = Date.parse(`${meeting.start_local}:00Z`);
  const rule = meeting.rrule ?? '';
  const step = rule.includes('FREQ=DAILY') ? DAY : 7 * DAY;
  const count = Number(/COUNT=(\d+)/.exec(rule)?.[1] ?? (rule ? Infinity : 1));
  const found: Occurrence[] = [];
  for (let i = 0, t = first; i < count && t < to; i += 1, t += step) {
    if (t < from) continue;
    const iso = new Date(t).toISOString().replace('.000Z', 'Z');
    const exception = meeting.exceptions.find((e) => e.original_start_utc === iso);
    if (exception?.kind === 'skipped') continue;
    found.push({
      occurrence_id: `${meeting.id}@${iso}`,
      meeting_id: meeting.id,
      group_id: meeting.group_id,
      title: meeting.title,
      start_utc: iso,
      end_utc: new Date(t + meeting.duration_minutes * 60_000).toISOString().replace('.000Z', 'Z'),
      time_zone: meeting.time_zone,
      status: exception?.kind === 'cancelled' ? 'cancelled' : 'scheduled',
      original_start_utc: iso,
    });
  }
  return found;
}

export function mockParticipation(isUnlocked: () => boolean): ParticipationCommands {
  const groups: Group[] = [];
  const meetings: Meeting[] = [];
  const attendance = new Map<string, Attendance>();
  let milestone: Milestone | null = null;
  let nextId = 1;
  const daysSince = (day: string): number => Math.floor((Date.now() - Date.parse(`${day}T00:00:00Z`)) / DAY);

  const guard = <T>(action: () => Outcome<T>): Outcome<T> =>
    isUnlocked() ? action() : fail('locked', 'The vault is locked. Unlock it first.');
  const findGroup = (id: number): Group | undefined => groups.find((g) => g.id === id);
  const occurrences = (from: number, to: number, groupId: number | null): Occurrence[] =>
    meetings
      .filter((m) => (groupId === null ? !findGroup(m.group_id)?.archived : m.group_id === groupId))
      .flatMap((m) => expand(m, from, to))
      .sort((a, b) => a.start_utc.localeCompare(b.start_utc));

  return {
    groupList: async (includeArchived) => guard(() => ok(groups.filter((g) => includeArchived || !g.archived))),
    groupGet: async (id) => guard(() => {
      const group = findGroup(id);
      return group ? ok(group) : fail('not_found', 'No group was found.');
    }),
    // The mock opens nothing: it checks what the core checks.
    groupOpenMeetingLink: async (id) => guard(() => {
      const link = findGroup(id)?.meeting_link ?? '';
      return /^https?:\/\//.test(link) ? ok(null) : fail('not_found', 'No meeting link was found.');
    }),
    groupAdd: async (group) => guard(() => {
      if (group.name.trim() === '') return fail('invalid_input', 'name: required');
      const added: Group = {
        id: nextId++,
        name: group.name.trim(),
        kind: group.kind,
        description: group.description ?? '',
        venue: group.venue ?? 'other',
        address: group.address ?? '',
        meeting_link: group.meeting_link ?? '',
        venue_notes: group.venue_notes ?? '',
        norms: group.norms ?? [],
        own_norms: group.own_norms ?? [],
        my_role: group.my_role ?? 'member',
        colour: group.colour ?? '#2f6f6a',
        archived: false,
        membership: [{ event: 'joined', on: group.joined ?? new Date().toISOString().slice(0, 10) }],
      };
      groups.push(added);
      return ok(added);
    }),
    groupEdit: async (id, changes) => guard(() => {
      const group = findGroup(id);
      if (!group) return fail('not_found', 'No group was found.');
      if (changes.name !== null) group.name = changes.name;
      if (changes.kind !== null) group.kind = changes.kind;
      if (changes.venue !== null) group.venue = changes.venue;
      if (changes.my_role !== null) group.my_role = changes.my_role;
      if (changes.norms !== null) group.norms = changes.norms;
      if (changes.own_norms !== null) group.own_norms = changes.own_norms;
      if (changes.description !== null) group.description = changes.description;
      if (changes.address !== null) group.address = changes.address;
      if (changes.meeting_link !== null) group.meeting_link = changes.meeting_link;
      if (changes.venue_notes !== null) group.venue_notes = changes.venue_notes;
      if (changes.colour !== null) group.colour = changes.colour;
      return ok(group);
    }),
    groupArchive: async (id) => guard(() => {
      const group = findGroup(id);
      if (!group) return fail('not_found', 'No group was found.');
      group.archived = true;
      return ok(group);
    }),
    groupDelete: async (id) => guard(() => {
      const index = groups.findIndex((g) => g.id === id);
      if (index < 0) return fail('not_found', 'No group was found.');
      groups.splice(index, 1);
      return ok(null);
    }),
    meetingList: async (groupId) => guard(() => ok(meetings.filter((m) => groupId === null || m.group_id === groupId))),
    meetingAdd: async (meeting) => guard(() => {
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(meeting.start_local))
        return fail('invalid_input', 'start: expected a local time as YYYY-MM-DDTHH:MM');
      const added: Meeting = { ...meeting, id: nextId++, title: meeting.title ?? '', exceptions: [] };
      meetings.push(added);
      return ok(added);
    }),
    meetingSetException: async (occurrenceId, kind, moved) => guard(() => {
      const meeting = meetings.find((m) => occurrenceId.startsWith(`${m.id}@`));
      if (!meeting) return fail('not_found', 'No occurrence was found.');
      meeting.exceptions.push({ original_start_utc: occurrenceId.split('@')[1] ?? '', kind, moved_start_local: moved });
      return ok(meeting);
    }),
    meetingOccurrences: async (from, to, groupId) => guard(() => ok(occurrences(Date.parse(from), Date.parse(to), groupId))),
    attendanceRecord: async (input) => guard(() => {
      const [meetingId, start] = input.occurrence_id.split('@');
      const record: Attendance = {
        occurrence_id: input.occurrence_id,
        meeting_id: Number(meetingId),
        original_start_utc: start ?? '',
        status: input.status,
        shared: input.shared,
        role: input.role ?? 'none',
        mood_before: input.mood_before,
        mood_after: input.mood_after,
        note: input.note ?? '',
      };
      attendance.set(input.occurrence_id, record);
      return ok(record);
    }),
    attendanceList: async (groupId) => guard(() =>
      ok([...attendance.values()].filter((a) => groupId === null || meetings.find((m) => m.id === a.meeting_id)?.group_id === groupId)),
    ),
    attendanceAwaiting: async (days, groupId) => guard(() => {
      if (days < 1 || days > 366) return fail('invalid_input', 'days: from 1 to 366');
      const now = Date.now();
      return ok(
        occurrences(now - days * DAY, now, groupId)
          .filter((o) => Date.parse(o.end_utc) <= now && o.status !== 'cancelled' && !attendance.has(o.occurrence_id))
          .reverse(),
      );
    }),
    groupRecordMembership: async (id, event, on) => guard(() => {
      const group = findGroup(id);
      if (!group) return fail('not_found', 'No group was found.');
      group.membership.push({ event, on });
      return ok(group);
    }),
    milestoneCurrent: async () => guard(() => ok(milestone)),
    milestoneStart: async (label, since) => guard(() => {
      if (milestone) return fail('conflict', 'A milestone is already running; reset it instead.');
      if (label.trim() === '') return fail('invalid_input', 'label: required');
      milestone = { label, since, days: daysSince(since), earlier: [] };
      return ok(milestone);
    }),
    milestoneReset: async (since) => guard(() => {
      if (!milestone) return fail('not_found', 'No running milestone was found.');
      milestone = {
        label: milestone.label,
        since,
        days: daysSince(since),
        earlier: [{ since: milestone.since, ended_on: since, days: milestone.days - daysSince(since) }, ...milestone.earlier],
      };
      return ok(milestone);
    }),
    insightsCompute: async (query) => guard(() => {
      const past = occurrences(0, Date.now(), query.group_id).filter((o) => Date.parse(o.start_utc) < Date.now());
      const records = past.map((o) => attendance.get(o.occurrence_id));
      const attended = records.filter((r) => r?.status === 'attended-in-person' || r?.status === 'attended-online');
      const cancelled = records.filter((r) => r?.status === 'cancelled').length;
      const excused = records.filter((r) => r?.status === 'excused').length;
      const denominator = past.length - cancelled - excused;
      const roleCounts = new Map<string, number>();
      attended.forEach((r) => {
        if (r && r.role !== 'none') roleCounts.set(r.role, (roleCounts.get(r.role) ?? 0) + 1);
      });
      const roles = Object.fromEntries(roleCounts);
      const moods = attended.flatMap((r) =>
        r && r.mood_before !== null && r.mood_after !== null
          ? [{ date: r.original_start_utc.slice(0, 10), before: r.mood_before, after: r.mood_after }]
          : [],
      );
      const months = new Map<string, number>();
      attended.forEach((r) => r && months.set(r.original_start_utc.slice(0, 7), (months.get(r.original_start_utc.slice(0, 7)) ?? 0) + 1));
      const insights: Insights = {
        scheduled: past.length,
        attended: attended.length,
        missed: past.length - attended.length - cancelled - excused,
        excused,
        cancelled,
        attendance_rate: denominator > 0 ? attended.length / denominator : 0,
        current_streak_weeks: attended.length > 0 ? 1 : 0,
        longest_streak_weeks: attended.length > 0 ? 1 : 0,
        roles,
        attended_per_month: [...months].map(([month, count]) => ({ month, attended: count })),
        moods,
        mood_before_average: moods.length ? moods.reduce((s, m) => s + m.before, 0) / moods.length : null,
        mood_after_average: moods.length ? moods.reduce((s, m) => s + m.after, 0) / moods.length : null,
      };
      return ok(insights);
    }),
  };
}
