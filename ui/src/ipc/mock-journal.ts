// The journal half of the in-memory stand-in: entries, a naive search (case and diacritics
// ignored), the trash. Enough for browser tests; never part of the desktop build.
import type { Backend, Entry, Outcome } from './backend';
import { fail, ok } from './mock-vault';

export type JournalCommands = Pick<
  Backend,
  | 'journalAdd'
  | 'journalEdit'
  | 'journalGet'
  | 'journalPage'
  | 'journalSearch'
  | 'journalDelete'
  | 'journalRestore'
  | 'journalEmptyTrash'
>;

// As the core does: trimmed, lowercased, each word once.
const words = (values: string[] | null): string[] => [...new Set((values ?? []).map((w) => w.trim().toLowerCase()).filter((w) => w !== ''))];

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function mockJournal(isUnlocked: () => boolean, seeded = 0): JournalCommands {
  const entries: Entry[] = [];
  let nextId = 1;
  const base = Date.UTC(2026, 0, 1, 9);
  for (; nextId <= seeded; nextId++) {
    const at = new Date(base + nextId * 3_600_000).toISOString();
    entries.push({
      id: nextId, kind: 'note', title: `Entry ${nextId}`, body: `Written as entry number ${nextId}.`, mood: null,
      feelings: [], tags: [], group_id: null, occurrence_id: null,
      created_utc: at, created_local: at, edited_utc: at, trashed: false,
    });
  }
  const guard = <T>(action: () => Outcome<T>): Outcome<T> =>
    isUnlocked() ? action() : fail('locked', 'The vault is locked. Unlock it first.');
  const find = (id: number): Entry | undefined => entries.find((e) => e.id === id);

  return {
    journalAdd: async (input) => guard(() => {
      const now = new Date().toISOString();
      const entry: Entry = {
        id: nextId++,
        kind: input.kind,
        title: input.title ?? '',
        body: input.body,
        mood: input.mood,
        feelings: words(input.feelings),
        tags: words(input.tags),
        group_id: input.group_id,
        occurrence_id: input.occurrence_id,
        created_utc: now,
        created_local: now,
        edited_utc: now,
        trashed: false,
      };
      entries.push(entry);
      return ok(entry);
    }),
    journalEdit: async (id, input) => guard(() => {
      const entry = find(id);
      if (!entry || entry.trashed) return fail('not_found', 'No journal entry was found.');
      Object.assign(entry, {
        kind: input.kind,
        title: input.title ?? '',
        body: input.body,
        mood: input.mood,
        feelings: words(input.feelings),
        tags: words(input.tags),
        group_id: input.group_id,
        occurrence_id: input.occurrence_id,
        edited_utc: new Date().toISOString(),
      });
      return ok(entry);
    }),
    journalGet: async (id) => guard(() => {
      const entry = find(id);
      return entry ? ok(entry) : fail('not_found', 'No journal entry was found.');
    }),
    journalPage: async (trash, after, limit) => guard(() => {
      const sorted = entries
        .filter((e) => e.trashed === trash)
        .sort((a, b) => b.created_utc.localeCompare(a.created_utc) || b.id - a.id)
        .filter((e) => !after || e.created_utc < after.created_utc || (e.created_utc === after.created_utc && e.id < after.id));
      return ok(sorted.slice(0, limit));
    }),
    journalSearch: async (text, filters, limit) => guard(() => {
      const words = fold(text).split(/\s+/).filter((w) => w !== '');
      if (words.length === 0) return ok([]);
      const hits = entries
        .filter((e) => !e.trashed && (filters.kind === null || e.kind === filters.kind))
        .filter((e) => filters.group_id === null || e.group_id === filters.group_id)
        .filter((e) => filters.tag === null || e.tags.includes(filters.tag))
        .filter((e) => filters.mood === null || e.mood === filters.mood)
        .filter((e) => (filters.from === null || e.created_utc >= filters.from) && (filters.to === null || e.created_utc < filters.to))
        .filter((e) => words.every((w) => fold(`${e.title} ${e.body}`).includes(w)))
        .slice(0, limit)
        .map((e) => ({ id: e.id, kind: e.kind, title: e.title, created_utc: e.created_utc, snippet: e.body.slice(0, 80) }));
      return ok(hits);
    }),
    journalDelete: async (id) => guard(() => {
      const entry = find(id);
      if (!entry) return fail('not_found', 'No journal entry was found.');
      entry.trashed = true;
      return ok(null);
    }),
    journalRestore: async (id) => guard(() => {
      const entry = find(id);
      if (!entry) return fail('not_found', 'No journal entry was found.');
      entry.trashed = false;
      return ok(entry);
    }),
    journalEmptyTrash: async () => guard(() => {
      const before = entries.length;
      for (let i = entries.length - 1; i >= 0; i -= 1) if (entries[i]?.trashed) entries.splice(i, 1);
      return ok(before - entries.length);
    }),
  };
}
