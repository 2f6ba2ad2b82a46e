// The search filters as the form holds them (strings, '' for "any") and as the core wants them.
import type { EntryKind, SearchFilters } from '../../ipc/backend';

export interface FilterChoices {
  kind: EntryKind | '';
  groupId: string;
  tag: string;
  mood: string;
  /** Local days, YYYY-MM-DD, both inclusive. */
  from: string;
  to: string;
}

const startOfLocalDay = (day: string): string | null => {
  const at = new Date(`${day}T00:00:00`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
};

const startOfNextLocalDay = (day: string): string | null => {
  const at = new Date(`${day}T00:00:00`);
  if (Number.isNaN(at.getTime())) return null;
  at.setDate(at.getDate() + 1);
  return at.toISOString();
};

export function entryFilters(choices: FilterChoices): SearchFilters {
  const mood = Number(choices.mood);
  const group = Number(choices.groupId);
  return {
    kind: choices.kind === '' ? null : choices.kind,
    group_id: choices.groupId !== '' && Number.isInteger(group) ? group : null,
    tag: choices.tag.trim() === '' ? null : choices.tag.trim().toLowerCase(),
    mood: choices.mood !== '' && Number.isInteger(mood) ? mood : null,
    from: choices.from === '' ? null : startOfLocalDay(choices.from),
    to: choices.to === '' ? null : startOfNextLocalDay(choices.to),
  };
}
