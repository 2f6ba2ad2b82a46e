import type { AppError } from '../ipc/backend';
import { currentLanguage, t, type MessageKey } from '../i18n';

/** The core's field names that forms show, in the person's words. */
const FIELDS: Record<string, MessageKey> = {
  name: 'inputField.name',
  kind: 'inputField.kind',
  title: 'inputField.title',
  address: 'inputField.address',
  meeting_link: 'inputField.meetingLink',
  colour: 'inputField.colour',
  joined: 'inputField.joined',
  since: 'inputField.since',
  start_local: 'inputField.start',
  start: 'inputField.start',
  moved_start: 'inputField.start',
  time_zone: 'inputField.timeZone',
  duration: 'inputField.duration',
  rrule: 'inputField.repeats',
  held_on: 'inputField.date',
  on: 'inputField.date',
  how_it_went: 'inputField.note',
  what_i_need: 'inputField.note',
  self_care: 'inputField.note',
  note: 'inputField.note',
  own_norms: 'inputField.ownNorms',
  mood: 'inputField.mood',
  mood_before: 'inputField.mood',
  mood_after: 'inputField.mood',
  emails: 'inputField.email',
  label: 'inputField.label',
};

/** A person-readable message: ours for each code; for input problems the core's wording in
 *  English, and in another language ours with the field it is about (the core speaks English,
 *  and half a sentence in another language reads worse than a short one in the person's own). */
export function describe(error: AppError): string {
  if (error.code === 'invalid_input') {
    if (currentLanguage() === 'en') return `${t('error.invalid_input')} ${error.message}`;
    const field = /^([a-z_]+): /.exec(error.message)?.[1];
    const key = field === undefined ? undefined : FIELDS[field];
    return key === undefined ? t('error.invalid_input') : t('error.invalid_input_field', { field: t(key) });
  }
  const key = `error.${error.code}` as MessageKey;
  return t(key);
}
