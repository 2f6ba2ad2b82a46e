// The safekeeping half of the in-memory stand-in: following a calendar file or a meeting feed,
// exporting the schedule, backups and plain exports. No dialog opens: importing previews one
// fixed file, saving pretends a place was chosen, and a backup is only its passphrase, kept for
// the next restore. Groups, meetings, entries and contacts come from the other parts.
import type { AppError, Backend, Entry, Outcome } from './backend';
import type { Calendar, Feed, FeedMeeting, FollowedEvent } from './bindings';
import { fail, ok } from './mock-vault';
import { namedGroup } from '../lib/named-group';

export type SafekeepingCommands = Pick<
  Backend,
  | 'calendarImportFile'
  | 'calendarFollow'
  | 'calendarExportFile'
  | 'feedImportFile'
  | 'feedFollow'
  | 'backupCreateFile'
  | 'backupRestoreFile'
  | 'exportJournalFolder'
  | 'exportAttendanceFile'
  | 'exportContactsFile'
>;

/** What this part asks of the others. */
export type SafekeepingParticipation = Pick<Backend, 'groupGet' | 'groupAdd' | 'meetingAdd' | 'meetingList' | 'attendanceList'>;
export type SafekeepingBuddies = Pick<Backend, 'contactList'>;
export type SafekeepingJournal = Pick<Backend, 'journalPage'>;
export type SafekeepingVault = Pick<Backend, 'vaultState' | 'vaultLock'>;

const CALENDAR: Calendar = {
  events: [
    {
      uid: '7kukuqrfedlm2f9t6vnd3m0n8s@google.com',
      title: 'Tuesday circle',
      time_zone: 'Europe/Berlin',
      zone_guessed: false,
      start_local: '2026-01-06T19:00',
      first_start_utc: '2026-01-06T18:00:00Z',
      duration_minutes: 90,
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      exdates_utc: ['2026-01-13T18:00:00Z'],
      overrides: [],
      location: 'Gemeindehaus, Raum 2',
      description: '',
      conference_url: '',
      cancelled: false,
    },
    {
      uid: 'unknown-zone-1',
      title: 'Somewhere',
      time_zone: 'Europe/Helsinki',
      zone_guessed: true,
      start_local: '2026-01-15T19:00',
      first_start_utc: '2026-01-15T17:00:00Z',
      duration_minutes: 60,
      rrule: null,
      exdates_utc: [],
      overrides: [],
      location: '',
      description: '',
      conference_url: '',
      cancelled: false,
    },
  ],
  skipped: 1,
};

const FEED: Feed = {
  meetings: [
    {
      slug: 'sunday-serenity',
      name: 'Sunday Serenity',
      weekdays: [0],
      start_local: '18:00',
      end_local: '19:30',
      time_zone: 'America/New_York',
      location: 'Alano Club',
      address: '123 Main Street, 98765 Anytown, OH, US',
      notes: '',
      conference_url: '',
      conference_phone: '',
      types: [
        { code: 'O', label: 'Open' },
        { code: 'D', label: 'Discussion' },
      ],
      entity_url: '',
    },
  ],
  skipped: 0,
};

/** The passphrase of the last backup any mock made; a restore must give it again. */
let lastBackupPassphrase: string | null = null;

/** A deep copy that also takes the UI's reactive proxies (which structuredClone refuses). */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const now = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const locked = <T>(): Outcome<T> => fail('locked', 'The vault is locked. Unlock it first.');
/** Another part's refusal, passed on as this command's. */
const refused = <T>(outcome: { status: 'error'; error: AppError }): Outcome<T> => fail(outcome.error.code, outcome.error.message);

const minutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h === undefined || m === undefined ? NaN : h * 60 + m;
};

/** From the start to the end, past midnight when the end comes earlier; an hour when unreadable. */
function feedDuration(meeting: FeedMeeting): number {
  const span = minutes(meeting.end_local) - minutes(meeting.start_local);
  if (Number.isNaN(span)) return 60;
  return span > 0 ? span : span + 24 * 60;
}

/** The next date (today included) falling on `weekday` (0 = Sunday), as YYYY-MM-DD. */
function nextWeekday(weekday: number): string {
  const today = new Date();
  const ahead = (((weekday - today.getUTCDay()) % 7) + 7) % 7;
  return new Date(today.getTime() + ahead * 86_400_000).toISOString().slice(0, 10);
}

export function mockSafekeeping(
  isUnlocked: () => boolean,
  participation: SafekeepingParticipation,
  buddies: SafekeepingBuddies,
  journal: SafekeepingJournal,
  vault: SafekeepingVault,
): SafekeepingCommands {
  /** Each followed calendar event by UID, so importing the file again updates it. */
  const followed = new Map<string, { meeting_id: number; group_id: number }>();

  /** Every group id that is given must exist; the first that does not is the refusal. */
  const unknownGroup = async (ids: (number | null)[]): Promise<Outcome<never> | null> => {
    for (const id of ids) {
      if (id === null) continue;
      const found = await participation.groupGet(id);
      if (found.status === 'error') return found.error.code === 'not_found' ? fail('not_found', 'No group was found.') : refused(found);
    }
    return null;
  };

  /** Every live journal entry, a page at a time, as the core's export reads them. */
  const allEntries = async (): Promise<Outcome<Entry[]>> => {
    const entries: Entry[] = [];
    for (;;) {
      const last = entries.at(-1);
      const page = await journal.journalPage(false, last ? { created_utc: last.created_utc, id: last.id } : null, 200);
      if (page.status === 'error') return refused(page);
      entries.push(...page.data);
      if (page.data.length < 200) return ok(entries);
    }
  };

  return {
    calendarImportFile: async () => (isUnlocked() ? ok(copy(CALENDAR)) : locked()),
    calendarFollow: async (calendar, choices) => {
      if (!isUnlocked()) return locked();
      if (choices.some((c) => !calendar.events.some((e) => e.uid === c.uid)))
        return fail('invalid_input', 'uid: no event in the file has this UID');
      const missing = await unknownGroup(choices.map((c) => c.group_id));
      if (missing) return missing;
      const result: FollowedEvent[] = [];
      for (const choice of choices) {
        const earlier = followed.get(choice.uid);
        if (earlier) {
          result.push({ uid: choice.uid, ...earlier, updated: true });
          continue;
        }
        const event = calendar.events.find((e) => e.uid === choice.uid);
        if (!event) return fail('invalid_input', 'uid: no event in the file has this UID');
        let groupId = choice.group_id;
        if (groupId === null) {
          const group = await participation.groupAdd(namedGroup(event.title, 'other'));
          if (group.status === 'error') return refused(group);
          groupId = group.data.id;
        }
        const meeting = await participation.meetingAdd({
          group_id: groupId,
          title: null,
          start_local: event.start_local,
          time_zone: event.time_zone,
          duration_minutes: event.duration_minutes,
          rrule: event.rrule,
        });
        if (meeting.status === 'error') return refused(meeting);
        const ids = { meeting_id: meeting.data.id, group_id: groupId };
        followed.set(choice.uid, ids);
        result.push({ uid: choice.uid, ...ids, updated: false });
      }
      return ok(result);
    },
    calendarExportFile: async (options) => {
      if (!isUnlocked()) return locked();
      const meetings = await participation.meetingList(options.group_id);
      return meetings.status === 'ok' ? ok(meetings.data.length) : refused(meetings);
    },
    feedImportFile: async () => (isUnlocked() ? ok(copy(FEED)) : locked()),
    feedFollow: async (feed, choices) => {
      if (!isUnlocked()) return locked();
      if (choices.some((c) => !feed.meetings.some((m) => m.slug === c.slug)))
        return fail('invalid_input', 'slug: no meeting in the feed has this slug');
      const missing = await unknownGroup(choices.map((c) => c.group_id));
      if (missing) return missing;
      const groupIds: number[] = [];
      for (const choice of choices) {
        const meeting = feed.meetings.find((m) => m.slug === choice.slug);
        if (!meeting) return fail('invalid_input', 'slug: no meeting in the feed has this slug');
        let groupId = choice.group_id;
        if (groupId === null) {
          const group = await participation.groupAdd({
            name: meeting.name,
            kind: 'addiction-recovery',
            description: null,
            venue: null,
            address: null,
            meeting_link: null,
            venue_notes: null,
            norms: meeting.types.some((t) => t.code === 'XT') ? [] : ['no-cross-talk'],
            own_norms: null,
            my_role: null,
            colour: null,
            joined: null,
          });
          if (group.status === 'error') return refused(group);
          groupId = group.data.id;
        }
        for (const weekday of meeting.weekdays) {
          const added = await participation.meetingAdd({
            group_id: groupId,
            title: null,
            start_local: `${nextWeekday(weekday)}T${meeting.start_local}`,
            time_zone: meeting.time_zone ?? 'UTC',
            duration_minutes: feedDuration(meeting),
            rrule: 'FREQ=WEEKLY',
          });
          if (added.status === 'error') return refused(added);
        }
        groupIds.push(groupId);
      }
      return ok(groupIds);
    },
    backupCreateFile: async (passphrase) => {
      if (!isUnlocked()) return locked();
      if ([...passphrase].length < 8) return fail('invalid_input', 'a passphrase needs at least 8 characters');
      lastBackupPassphrase = passphrase;
      return ok({ created_utc: now(), schema_version: 10, database_bytes: 212_992 });
    },
    // Works on a locked vault, or none: restoring is how a vault comes back.
    backupRestoreFile: async (passphrase, replace) => {
      if (lastBackupPassphrase === null || passphrase !== lastBackupPassphrase)
        return fail('wrong_passphrase', 'That passphrase does not open this backup. Nothing was changed.');
      const state = await vault.vaultState();
      if (state.status === 'error') return refused(state);
      if (state.data.phase !== 'no_vault' && !replace)
        return fail('conflict', 'a vault already exists in this data folder; nothing was changed (restore over it only after confirming)');
      const lockedState = await vault.vaultLock();
      return lockedState.status === 'ok' ? ok(lockedState.data) : refused(lockedState);
    },
    exportJournalFolder: async (format) => {
      if (!isUnlocked()) return locked();
      const entries = await allEntries();
      if (entries.status === 'error') return refused(entries);
      const files = format === 'json' ? ['journal.json'] : entries.data.map((e) => `${e.created_local.slice(0, 10)}-${e.id}.md`);
      return ok({ files, records: entries.data.length });
    },
    exportAttendanceFile: async () => {
      if (!isUnlocked()) return locked();
      const records = await participation.attendanceList(null);
      return records.status === 'ok' ? ok({ files: ['attendance.csv'], records: records.data.length }) : refused(records);
    },
    exportContactsFile: async () => {
      if (!isUnlocked()) return locked();
      const contacts = await buddies.contactList({ text: null, relation: null, group_id: null, any_time_only: false });
      return contacts.status === 'ok' ? ok({ files: ['contacts.vcf'], records: contacts.data.length }) : refused(contacts);
    },
  };
}
