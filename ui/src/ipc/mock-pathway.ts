// The newcomer pathway in memory, following the core's rules: five steps in order; the user's
// ticks keep their first day; a meeting attended, a share and a reflection on the group tick
// their steps from the record (here with the meeting's UTC day, a simplification).
import type { Backend, Outcome, Pathway, PathwayStep, PathwayStepState, TickedBy } from './backend';
import { fail, ok } from './mock-vault';
import { isoDay } from '../lib/time';

export type PathwayCommands = Pick<Backend, 'pathwayGet' | 'pathwayTick'>;

const STEPS: PathwayStep[] = ['research', 'first-meeting', 'etiquette', 'share', 'reflect'];

export function mockPathway(
  isUnlocked: () => boolean,
  participation: Pick<Backend, 'groupGet' | 'attendanceList'>,
  journal: Pick<Backend, 'journalPage'>,
): PathwayCommands {
  const ticks = new Map<string, string>();
  const key = (groupId: number, step: PathwayStep): string => `${groupId}/${step}`;

  async function fromRecord(groupId: number): Promise<Map<PathwayStep, [TickedBy, string]>> {
    const shown = new Map<PathwayStep, [TickedBy, string]>();
    const records = await participation.attendanceList(groupId);
    const attended = records.status === 'ok'
      ? records.data.filter((r) => r.status === 'attended-in-person' || r.status === 'attended-online').sort((a, b) => a.original_start_utc.localeCompare(b.original_start_utc))
      : [];
    const first = attended[0];
    if (first) shown.set('first-meeting', ['attendance', first.original_start_utc.slice(0, 10)]);
    const shared = attended.find((r) => r.shared);
    if (shared) shown.set('share', ['sharing', shared.original_start_utc.slice(0, 10)]);
    const entries = await journal.journalPage(false, null, 10_000);
    const reflections = entries.status === 'ok'
      ? entries.data.filter((e) => e.kind === 'reflection' && e.group_id === groupId).sort((a, b) => a.created_utc.localeCompare(b.created_utc))
      : [];
    const reflection = reflections[0];
    if (reflection) shown.set('reflect', ['reflection', reflection.created_local.slice(0, 10)]);
    return shown;
  }

  async function pathway(groupId: number): Promise<Outcome<Pathway>> {
    if (!isUnlocked()) return fail('locked', 'The vault is locked. Unlock it first.');
    if ((await participation.groupGet(groupId)).status === 'error') return fail('not_found', 'That group was not found.');
    const record = await fromRecord(groupId);
    const steps = STEPS.map((step): PathwayStepState => {
      const shown = record.get(step);
      if (shown) return { step, ticked_by: shown[0], ticked_on: shown[1] };
      const mine = ticks.get(key(groupId, step));
      return mine ? { step, ticked_by: 'me', ticked_on: mine } : { step, ticked_by: null, ticked_on: null };
    });
    return ok({ group_id: groupId, steps });
  }

  return {
    pathwayGet: pathway,
    pathwayTick: async (tick) => {
      if (!isUnlocked()) return fail('locked', 'The vault is locked. Unlock it first.');
      if ((await participation.groupGet(tick.group_id)).status === 'error') return fail('not_found', 'That group was not found.');
      const k = key(tick.group_id, tick.step);
      if (!tick.ticked) ticks.delete(k);
      else if (!ticks.has(k)) ticks.set(k, isoDay(new Date()));
      return pathway(tick.group_id);
    },
  };
}
