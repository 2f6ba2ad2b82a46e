// The facilitation log in memory, following the core's rules: at least one note, a date as
// YYYY-MM-DD not in the future, newest meeting first.
import type { Backend, FacilitationEntry, Outcome } from './backend';
import { fail, ok } from './mock-vault';
import { isoDay } from '../lib/time';

export type FacilitationCommands = Pick<Backend, 'facilitationAdd' | 'facilitationList' | 'facilitationDelete'>;

export function mockFacilitation(isUnlocked: () => boolean): FacilitationCommands {
  let entries: FacilitationEntry[] = [];
  let nextId = 1;
  const guard = <T>(action: () => Outcome<T>): Outcome<T> =>
    isUnlocked() ? action() : fail('locked', 'The vault is locked. Unlock it first.');
  return {
    facilitationAdd: async (input) => guard(() => {
      const [how, need, care] = [input.how_it_went.trim(), input.what_i_need.trim(), input.self_care.trim()];
      if (how === '' && need === '' && care === '') return fail('invalid_input', 'Write at least one of how it went, what you need or a self-care note.');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(input.held_on)) return fail('invalid_input', 'The date must be written as YYYY-MM-DD.');
      if (input.held_on > isoDay(new Date())) return fail('invalid_input', 'A meeting not yet held cannot be logged.');
      const entry: FacilitationEntry = { ...input, id: nextId++, how_it_went: how, what_i_need: need, self_care: care };
      entries.push(entry);
      return ok(entry);
    }),
    facilitationList: async (groupId) => guard(() =>
      ok(entries.filter((e) => e.group_id === groupId).sort((a, b) => b.held_on.localeCompare(a.held_on) || b.id - a.id)),
    ),
    facilitationDelete: async (id) => guard(() => {
      if (!entries.some((e) => e.id === id)) return fail('not_found', 'That log entry was not found.');
      entries = entries.filter((e) => e.id !== id);
      return ok(null);
    }),
  };
}
