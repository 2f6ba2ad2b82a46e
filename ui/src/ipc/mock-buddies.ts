// The buddies half of the in-memory stand-in: contacts, the user's own card and its presets,
// sharing and its log, importing cards, and the support line. The text block is the core's;
// the vCard is only plausible and the "QR code" a square carrying its vCard in a data attribute.
// No dialog opens: importing a file previews one fixed card, exporting pretends a file was chosen.
import type { AppError, Backend, Card, CardField, CardFieldInput, CardFieldKind, Contact, ContactInput, ImportedCard } from './backend';
import type { Labelled, LikelyDuplicate, MyCard, Outcome, Share, SharedField, ShareRequest, SupportLine } from './backend';
import { fail, ok } from './mock-vault';

export type BuddyCommands = Pick<
  Backend,
  | 'contactList'
  | 'contactGet'
  | 'contactAdd'
  | 'contactEdit'
  | 'contactDelete'
  | 'contactImportFile'
  | 'contactImportText'
  | 'contactImportSave'
  | 'myCardGet'
  | 'myCardSave'
  | 'sharePresetAdd'
  | 'sharePresetEdit'
  | 'sharePresetDelete'
  | 'cardShare'
  | 'cardExportFile'
  | 'shareList'
  | 'supportLineGet'
  | 'supportLineSave'
  | 'contactOpenLink'
>;

/** Every link `contactOpenLink` would have handed to the OS, oldest first, for tests to read. */
export const openedLinks: string[] = [];

type ContactFields = Omit<Contact, 'id' | 'updated_utc'>;

/** A refusal in the core's words; thrown by the checks, turned into an error outcome. */
class Refused extends Error {
  constructor(
    readonly code: AppError['code'],
    message: string,
  ) {
    super(message);
  }
}
const invalid = (message: string): Refused => new Refused('invalid_input', message);
const missing = (what: string): Refused => new Refused('not_found', `No ${what} was found.`);

const bytes = (text: string): number => new TextEncoder().encode(text).length;
const isControl = (c: string): boolean => {
  const code = c.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code < 0xa0);
};
const fold = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
const byName = (a: string, b: string): number => (fold(a) < fold(b) ? -1 : fold(a) > fold(b) ? 1 : 0);
/** A deep copy that also takes the UI's reactive proxies (which structuredClone refuses), as the
 *  real IPC's JSON does. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const now = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

function text(field: string, value: string, max: number, required: boolean): string {
  const trimmed = value.trim();
  if (required && trimmed === '') throw invalid(`${field}: required`);
  if (bytes(trimmed) > max) throw invalid(`${field}: at most ${max} bytes`);
  return trimmed;
}

function line(field: string, value: string, max: number, required: boolean): string {
  const checked = text(field, value, max, required);
  if ([...checked].some(isControl)) throw invalid(`${field}: one line, without control characters`);
  return checked;
}

function multiline(field: string, value: string, max: number): string {
  const checked = text(field, value, max, false);
  if ([...checked].some((c) => isControl(c) && c !== '\n' && c !== '\t')) {
    throw invalid(`${field}: no control characters other than line breaks and tabs`);
  }
  return checked;
}

function phone(value: string): string {
  const checked = line('phones', value, 60, true);
  if (!/\d/.test(checked) || !/^[\d +\-().#*/pw]*$/.test(checked)) throw invalid('phones: digits, spaces and + - ( ) / # * only');
  return checked;
}

function email(value: string): string {
  const checked = line('emails', value, 254, true);
  const at = checked.indexOf('@');
  if (at <= 0 || at === checked.length - 1 || /\s/.test(checked)) throw invalid('emails: expected name@example.org');
  return checked;
}

/** Percent-encodes every byte but ASCII letters, digits and `keep`, as the core's links do. */
function percentEncoded(value: string, keep: string): string {
  return [...new TextEncoder().encode(value)]
    .map((b) => String.fromCharCode(b))
    .map((c) => (/^[A-Za-z0-9]$/.test(c) || keep.includes(c) ? c : `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

const passes = (check: (value: string) => string, value: string): boolean => {
  try {
    check(value);
    return true;
  } catch {
    return false;
  }
};

function points(field: string, values: Labelled[], check: (value: string) => string): Labelled[] {
  if (values.length > 20) throw invalid(`${field}: at most 20`);
  return values.map((p) => ({ label: line(field, p.label, 100, false), value: check(p.value) }));
}

function date(value: string | null | undefined): string | null {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') return null;
  const [y = 0, m = 0, d = 0] = trimmed.split('-').map(Number);
  const real = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) && new Date(Date.UTC(y, m - 1, d)).toISOString().startsWith(trimmed);
  if (!real || y < 1900 || y > 2200) throw invalid('since: expected a date as YYYY-MM-DD between 1900 and 2200');
  return trimmed;
}

/** The input with every optional field given its default, unchecked. */
const filled = (input: ContactInput): ContactFields => ({
  display_name: input.display_name,
  pronouns: input.pronouns ?? '',
  relation: input.relation ?? null,
  phones: copy(input.phones ?? []),
  emails: copy(input.emails ?? []),
  messengers: copy(input.messengers ?? []),
  availability: input.availability ?? '',
  ok_to_call_any_time: input.ok_to_call_any_time ?? false,
  group_ids: [...(input.group_ids ?? [])],
  notes: input.notes ?? '',
  since: input.since ?? null,
  photo: input.photo ? { ...input.photo } : null,
});

function validate(input: ContactInput): ContactFields {
  const c = filled(input);
  const since = date(c.since);
  if (c.photo && !/^image\/[a-z0-9+.-]+$/.test(c.photo.media_type.trim().toLowerCase())) {
    throw invalid('photo: expected an image type such as image/jpeg');
  }
  return {
    display_name: line('display_name', c.display_name, 200, true),
    pronouns: line('pronouns', c.pronouns, 100, false),
    relation: c.relation,
    phones: points('phones', c.phones, phone),
    emails: points('emails', c.emails, email),
    messengers: points('messengers', c.messengers, (v) => line('messengers', v, 500, true)),
    availability: line('availability', c.availability, 500, false),
    ok_to_call_any_time: c.ok_to_call_any_time,
    group_ids: [...new Set(c.group_ids)].sort((a, b) => a - b),
    notes: multiline('notes', c.notes, 20_000).replace(/\r\n/g, '\n'),
    since,
    photo: c.photo,
  };
}

const oneLine = (value: string): string => line('value', value, 500, true);
const FIELD_CHECKS: Partial<Record<CardFieldKind, (value: string) => string>> = {
  pronouns: oneLine,
  availability: oneLine,
  messenger: oneLine,
  phone,
  email,
  note: (value) => {
    const note = multiline('value', value, 2000);
    if (note === '') throw invalid('value: required');
    return note;
  },
};

function validateField(field: CardFieldInput): Omit<CardField, 'id'> & { id: number | null } {
  const check = FIELD_CHECKS[field.kind];
  if (!check) throw invalid('kind: my card holds pronouns, phones, e-mails, messengers, availability and notes');
  const value = check(field.value);
  return { id: field.id ?? null, kind: field.kind, label: line('label', field.label ?? '', 100, false), value, shared: field.shared ?? false };
}

/** The copyable text block, exactly as the core's `text_block::write`. */
function textBlock(card: Card): string {
  let out = '';
  const field = (what: string, value: string): void => {
    if (value !== '') out += `${what}: ${value.replace(/\n/g, '\n  ')}\n`;
  };
  const labelled = (what: string, p: Labelled): void => {
    out += p.label === '' ? `${what}: ${p.value}\n` : `${what} (${p.label}): ${p.value}\n`;
  };
  field('Name', card.name);
  field('Pronouns', card.pronouns);
  card.phones.forEach((p) => labelled('Phone', p));
  card.emails.forEach((p) => labelled('Email', p));
  card.messengers.forEach((p) => labelled('Messenger', p));
  field('Available', card.availability);
  if (card.ok_to_call_any_time) out += 'OK to call any time\n';
  field('Note', card.notes);
  return out;
}

const escapeVcard = (value: string): string => value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r/g, '').replace(/\n/g, '\\n');
const TYPES: Record<string, string> = { mobile: 'cell', home: 'home', work: 'work' };

/** A plausible vCard (no folding, no photo, no messengers): enough for the UI to show or save. */
function vcard(card: Card, v3: boolean): string {
  const typed = (name: string, p: Labelled, extra: string[]): string => {
    const known = TYPES[p.label];
    const types = (known ? [...extra, known] : extra).map((t) => (v3 ? t.toUpperCase() : t));
    return `${name}${types.length ? `;TYPE=${types.join(',')}` : ''}:${escapeVcard(p.value)}`;
  };
  const name = escapeVcard(card.name);
  const lines = ['BEGIN:VCARD', v3 ? 'VERSION:3.0' : 'VERSION:4.0', `N:;${name};;;`, `FN:${name}`];
  if (card.pronouns) lines.push(`${v3 ? 'X-PRONOUNS' : 'PRONOUNS'}:${escapeVcard(card.pronouns)}`);
  card.phones.forEach((p) => lines.push(typed(v3 ? 'TEL' : 'TEL;VALUE=text', p, [])));
  card.emails.forEach((p) => lines.push(typed('EMAIL', p, v3 ? ['internet'] : [])));
  if (card.availability) lines.push(`X-HOLDSPACE-AVAILABILITY:${escapeVcard(card.availability)}`);
  if (card.ok_to_call_any_time) lines.push('X-HOLDSPACE-OK-TO-CALL:true');
  if (card.notes) lines.push(`NOTE:${escapeVcard(card.notes)}`);
  lines.push('END:VCARD');
  return lines.map((l) => `${l}\r\n`).join('');
}

const escapeXml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;');

const qrSvg = (content: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img" data-mock-content="${escapeXml(content)}">` +
  '<rect width="10" height="10" fill="#fff"/><rect x="2" y="2" width="6" height="6" fill="#000"/></svg>';

const emptyCard = (): Card => ({
  name: '', other_name: '', pronouns: '', relation: null, phones: [], emails: [], messengers: [],
  availability: '', ok_to_call_any_time: false, notes: '', since: null, photo: null, had_photo: false,
});

const unescapeVcard = (value: string): string => value.replace(/\\([nN,;\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/** vCard lines in, cards out: FN (or N), TEL and EMAIL with their TYPE, NOTE, pronouns, availability. */
function readVcards(input: string): Card[] {
  const cards: Card[] = [];
  let card: Card | null = null;
  let nName = '';
  const finish = (done: Card): void => {
    cards.push(done.name === '' ? { ...done, name: nName } : done);
    nName = '';
  };
  for (const raw of input.replace(/\r?\n[ \t]/g, '').split(/\r?\n/)) {
    const colon = raw.indexOf(':');
    if (colon < 0) continue;
    const [head = '', ...params] = raw.slice(0, colon).split(';');
    const name = head.replace(/^.*\./, '').toUpperCase();
    const value = raw.slice(colon + 1).trim();
    if (name === 'BEGIN' && value.toUpperCase() === 'VCARD') card = emptyCard();
    if (card === null) continue;
    const types = params.flatMap((p) => p.replace(/^TYPE=/i, '').replace(/"/g, '').split(',')).map((t) => t.toLowerCase());
    const label = [...new Set(types.map((t) => (t === 'cell' ? 'mobile' : t)).filter((t) => ['mobile', 'home', 'work'].includes(t)))].join(' ');
    const plain = unescapeVcard(value);
    if (name === 'END' && value.toUpperCase() === 'VCARD') {
      finish(card);
      card = null;
    } else if (name === 'N') {
      // prefix, given, additional, family, suffix: the order a name is said in.
      const parts = value.split(';').map(unescapeVcard);
      nName = [3, 1, 2, 0, 4].map((i) => parts[i] ?? '').filter(Boolean).join(' ');
    } else if (name === 'FN' && card.name === '') card.name = plain;
    else if (name === 'TEL') card.phones.push({ label, value: plain.replace(/^tel:/i, '') });
    else if (name === 'EMAIL') card.emails.push({ label, value: plain.replace(/^mailto:/i, '') });
    else if (name === 'NOTE') card.notes = card.notes ? `${card.notes}\n\n${plain}` : plain;
    else if ((name === 'PRONOUNS' || name === 'X-PRONOUNS') && card.pronouns === '') card.pronouns = plain;
    else if (name === 'X-HOLDSPACE-AVAILABILITY') card.availability = plain;
    else if (name === 'X-HOLDSPACE-OK-TO-CALL') card.ok_to_call_any_time = ['true', 'yes', '1'].includes(plain.toLowerCase());
  }
  if (card !== null) finish(card);
  return cards;
}

/** The text block read back, as the core's `text_block::read`. */
function readTextBlock(input: string): Card {
  const card = emptyCard();
  let last: 'Note' | 'Available' | null = null;
  for (const raw of input.split(/\r?\n/)) {
    if (raw.startsWith('  ')) {
      if (last === 'Note') card.notes += `\n${raw.slice(2)}`;
      if (last === 'Available') card.availability += ` ${raw.slice(2).trim()}`;
      continue;
    }
    const trimmed = raw.trim();
    last = null;
    if (trimmed.toLowerCase() === 'ok to call any time') card.ok_to_call_any_time = true;
    const colon = trimmed.indexOf(':');
    if (colon < 0) continue;
    const value = trimmed.slice(colon + 1).trim();
    const [key = '', label = ''] = trimmed.slice(0, colon).split(/\((.*)/);
    const point = { label: label.replace(/\)+$/, '').trim(), value };
    const k = key.trim().toLowerCase();
    if (k === 'name') card.name = value;
    else if (k === 'pronouns') card.pronouns = value;
    else if (k === 'phone') card.phones.push(point);
    else if (k === 'email' || k === 'e-mail') card.emails.push(point);
    else if (k === 'messenger') card.messengers.push(point);
    else if (k === 'available') {
      card.availability = value;
      last = 'Available';
    } else if (k === 'note') {
      card.notes = value;
      last = 'Note';
    }
  }
  return card;
}

/** The contact a card makes; numbers and addresses the rules refuse go to the notes. */
function contactFrom(card: Card): ContactInput {
  let notes = card.notes;
  const keep = (list: Labelled[], what: string, check: (value: string) => string): Labelled[] => {
    const kept: Labelled[] = [];
    for (const p of list) {
      const value = p.value.trim();
      if (passes(check, value) && kept.length < 20) kept.push({ label: p.label.trim(), value });
      else if (value !== '') notes += `\n${what} ${p.label.trim()}: ${value}`;
    }
    return kept;
  };
  const phones = keep(card.phones, 'Phone', phone);
  const emails = keep(card.emails, 'Email', email);
  const messengers = keep(card.messengers, 'Messenger', (v) => line('messengers', v, 500, true));
  const names = [card.name, card.other_name, emails[0]?.value ?? '', phones[0]?.value ?? ''].map((n) => n.trim());
  return {
    display_name: names.find((n) => n !== '') ?? 'Imported contact',
    pronouns: card.pronouns.trim(), relation: card.relation, phones, emails, messengers,
    availability: card.availability.trim(), ok_to_call_any_time: card.ok_to_call_any_time,
    group_ids: [], notes: notes.trim(), since: card.since, photo: null,
  };
}

const phoneKey = (value: string): string => value.replace(/\D/g, '').slice(-9);
const samePoint = (a: Labelled, b: Labelled, isPhone: boolean): boolean =>
  isPhone ? phoneKey(a.value).length >= 6 && phoneKey(a.value) === phoneKey(b.value) : a.value.trim().toLowerCase() === b.value.trim().toLowerCase();

const SAMPLE_CARD: Card = {
  ...emptyCard(),
  name: 'Jürgen Müller',
  phones: [{ label: 'mobile', value: '+49 170 1234567' }, { label: 'home', value: '030 7654321' }],
  emails: [{ label: '', value: 'juergen@example.org' }],
  notes: 'Met at the Thursday group.',
  had_photo: true,
};

export function mockBuddies(isUnlocked: () => boolean): BuddyCommands {
  const contacts: Contact[] = [];
  const shares: Share[] = [];
  const card: MyCard = { display_name: '', fields: [], presets: [] };
  let supportLine: SupportLine = { name: '', phone: '', text_number: '', notes: '' };
  let nextContact = 1;
  let nextField = 1;
  let nextPreset = 1;
  let nextShare = 1;

  /** Runs a command on the unlocked vault; a refusal becomes an error and changes nothing. */
  async function run<T>(body: () => T): Promise<Outcome<T>> {
    if (!isUnlocked()) return fail('locked', 'The vault is locked. Unlock it first.');
    try {
      return ok(body());
    } catch (error) {
      if (error instanceof Refused) return fail(error.code, error.message);
      throw error;
    }
  }
  const contact = (id: number): Contact => {
    const found = contacts.find((c) => c.id === id);
    if (!found) throw missing('contact');
    return found;
  };
  const sortedCard = (): MyCard => copy({ ...card, presets: [...card.presets].sort((a, b) => byName(a.name, b.name) || a.id - b.id) });
  const preset = (id: number) => card.presets.find((p) => p.id === id);

  function duplicateOf(input: ContactInput): LikelyDuplicate | null {
    const found = (c: Contact | undefined, reason: LikelyDuplicate['reason']): LikelyDuplicate | null =>
      c ? { contact_id: c.id, display_name: c.display_name, reason } : null;
    const sorted = [...contacts].sort((a, b) => byName(a.display_name, b.display_name) || a.id - b.id);
    return (
      found(sorted.find((c) => (input.phones ?? []).some((p) => c.phones.some((q) => samePoint(p, q, true)))), 'same-phone') ??
      found(sorted.find((c) => (input.emails ?? []).some((e) => c.emails.some((f) => samePoint(e, f, false)))), 'same-email') ??
      found(sorted.find((c) => c.display_name.trim().toLowerCase() === input.display_name.trim().toLowerCase()), 'same-name')
    );
  }
  const preview = (cards: Card[]): ImportedCard[] =>
    cards.map((c) => {
      const input = contactFrom(c);
      return { card: copy(c), contact: input, likely_duplicate: duplicateOf(input) };
    });

  function merged(existing: Contact, incoming: ContactFields): ContactFields {
    const out = filled(existing);
    const mergePoints = (into: Labelled[], from: Labelled[], isPhone: boolean): Labelled[] =>
      [...into, ...from.filter((p, i) => !into.some((q) => samePoint(q, p, isPhone)) && !from.slice(0, i).some((q) => samePoint(q, p, isPhone)))].slice(0, 20);
    out.phones = mergePoints(out.phones, incoming.phones, true);
    out.emails = mergePoints(out.emails, incoming.emails, false);
    out.messengers = mergePoints(out.messengers, incoming.messengers, false);
    out.pronouns ||= incoming.pronouns;
    out.availability ||= incoming.availability;
    if (incoming.notes !== '' && !out.notes.includes(incoming.notes)) out.notes = out.notes === '' ? incoming.notes : `${out.notes}\n\n${incoming.notes}`;
    out.relation ??= incoming.relation;
    out.since ??= incoming.since;
    out.photo ??= incoming.photo;
    out.ok_to_call_any_time ||= incoming.ok_to_call_any_time;
    out.group_ids = [...new Set([...out.group_ids, ...incoming.group_ids])];
    return out;
  }

  function select(request: ShareRequest): { card: Card; fields: SharedField[]; subjectId: number | null; preset: string | null } {
    if (request.subject === 'contact') {
      if (request.contact_id === null || request.contact_id === undefined) throw invalid("contact_id: required to share a contact's card");
      const c = filled(contact(request.contact_id));
      const out: Card = { ...emptyCard(), ...c, name: c.display_name, had_photo: c.photo !== null };
      if (request.method === 'qr-code') out.photo = null;
      const fields: SharedField[] = [{ kind: 'name', label: '', value: out.name }];
      const one = (kind: SharedField['kind'], value: string): void => {
        if (value !== '') fields.push({ kind, label: '', value });
      };
      one('pronouns', out.pronouns);
      one('availability', out.availability);
      one('note', out.notes);
      one('since', out.since ?? '');
      one('relation', out.relation ?? '');
      if (out.ok_to_call_any_time) one('ok-to-call', 'yes');
      if (out.photo) one('photo', 'yes');
      out.phones.forEach((p) => fields.push({ kind: 'phone', ...p }));
      out.emails.forEach((p) => fields.push({ kind: 'email', ...p }));
      out.messengers.forEach((p) => fields.push({ kind: 'messenger', ...p }));
      return { card: out, fields, subjectId: request.contact_id, preset: null };
    }
    if (card.display_name === '') throw invalid('Your card has no name yet. Add a first name or an alias before sharing it.');
    let ids: number[];
    let presetName: string | null = null;
    if (request.preset_id !== null && request.preset_id !== undefined) {
      const chosen = preset(request.preset_id);
      if (!chosen) throw missing('preset');
      [ids, presetName] = [chosen.field_ids, chosen.name];
    } else if (request.field_ids) {
      if (request.field_ids.some((id) => !card.fields.some((f) => f.id === id))) throw invalid('field_ids: a field id is not on your card');
      ids = request.field_ids;
    } else ids = card.fields.filter((f) => f.shared).map((f) => f.id);
    const out: Card = { ...emptyCard(), name: card.display_name };
    const fields: SharedField[] = [{ kind: 'name', label: '', value: card.display_name }];
    for (const f of card.fields.filter((f) => ids.includes(f.id))) {
      const point = { label: f.label, value: f.value };
      if (f.kind === 'pronouns') out.pronouns = f.value;
      else if (f.kind === 'phone') out.phones.push(point);
      else if (f.kind === 'email') out.emails.push(point);
      else if (f.kind === 'messenger') out.messengers.push(point);
      else if (f.kind === 'availability') out.availability = f.value;
      else if (f.kind === 'note') out.notes = f.value;
      else continue;
      fields.push({ kind: f.kind, ...point });
    }
    return { card: out, fields, subjectId: null, preset: presetName };
  }

  function share(request: ShareRequest): { content: string; share: Share } {
    if (request.recipient_contact_id !== null && request.recipient_contact_id !== undefined) contact(request.recipient_contact_id);
    const recipient = line('recipient', request.recipient ?? '', 200, false);
    const chosen = select(request);
    const content =
      request.method === 'text' ? textBlock(chosen.card)
      : request.method === 'qr-code' ? qrSvg(vcard({ ...chosen.card, photo: null }, true))
      : vcard(chosen.card, request.method === 'vcard3-file');
    const entry: Share = {
      id: nextShare++, shared_utc: now(), method: request.method, subject: request.subject, subject_contact_id: chosen.subjectId,
      subject_name: chosen.card.name, preset: chosen.preset, fields: chosen.fields, recipient_contact_id: request.recipient_contact_id ?? null, recipient,
    };
    shares.push(entry);
    return { content, share: copy(entry) };
  }

  function checkPreset(input: { name: string; field_ids: number[] }, id: number | null): { name: string; field_ids: number[] } {
    const name = line('name', input.name, 100, true);
    const ids = [...new Set(input.field_ids)].sort((a, b) => a - b);
    if (ids.some((f) => !card.fields.some((field) => field.id === f))) throw invalid('field_ids: a field id is not on your card');
    if (id !== null && !preset(id)) throw missing('preset');
    if (card.presets.some((p) => p.name === name && p.id !== id)) throw new Refused('conflict', 'A preset with this name exists already.');
    return { name, field_ids: ids };
  }

  return {
    contactList: (filter) =>
      run(() => {
        const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        const group = filter.group_id ?? null;
        const haystack = (c: Contact): string =>
          [c.display_name, c.pronouns, c.availability, c.notes, ...[...c.phones, ...c.emails, ...c.messengers].flatMap((p) => [p.label, p.value])]
            .join(' ')
            .toLowerCase();
        return copy(
          contacts
            .filter((c) => (filter.relation ?? null) === null || c.relation === filter.relation)
            .filter((c) => group === null || c.group_ids.includes(group))
            .filter((c) => !filter.any_time_only || c.ok_to_call_any_time)
            .filter((c) => words.every((w) => haystack(c).includes(w)))
            .sort((a, b) => byName(a.display_name, b.display_name) || a.id - b.id),
        );
      }),
    contactGet: (id) => run(() => copy(contact(id))),
    contactAdd: (input) =>
      run(() => {
        const valid = validate(input);
        const added: Contact = { id: nextContact++, ...valid, updated_utc: now() };
        contacts.push(added);
        return copy(added);
      }),
    contactEdit: (id, input) =>
      run(() => {
        const valid = validate(input);
        return copy(Object.assign(contact(id), valid, { updated_utc: now() }));
      }),
    contactDelete: (id) =>
      run(() => {
        contacts.splice(contacts.indexOf(contact(id)), 1);
        for (const s of shares) {
          if (s.subject_contact_id === id) s.subject_contact_id = null;
          if (s.recipient_contact_id === id) s.recipient_contact_id = null;
        }
        return null;
      }),
    contactImportFile: () => run(() => preview([SAMPLE_CARD])),
    contactImportText: (input) =>
      run(() => {
        if (/BEGIN:VCARD/i.test(input)) return preview(readVcards(input));
        const read = readTextBlock(input);
        return JSON.stringify(read) === JSON.stringify(emptyCard()) ? [] : preview([read]);
      }),
    contactImportSave: (choices) =>
      run(() => {
        const rows = choices.map((choice) => {
          const mergeInto = choice.merge_into ?? null;
          return { mergeInto, valid: validate(mergeInto === null ? choice.contact : merged(contact(mergeInto), filled(choice.contact))) };
        });
        const saved = rows.map(({ mergeInto, valid }) => {
          if (mergeInto !== null) return Object.assign(contact(mergeInto), valid, { updated_utc: now() });
          const added: Contact = { id: nextContact++, ...valid, updated_utc: now() };
          contacts.push(added);
          return added;
        });
        return copy(saved);
      }),
    myCardGet: () => run(sortedCard),
    myCardSave: (input) =>
      run(() => {
        const displayName = line('display_name', input.display_name, 200, false);
        if (input.fields.length > 40) throw invalid('fields: at most 40');
        const valid = input.fields.map(validateField);
        if (valid.some((f) => f.id !== null && !card.fields.some((c) => c.id === f.id))) {
          throw invalid('fields: a field id is not on your card (was it deleted in another window?)');
        }
        card.display_name = displayName;
        card.fields = valid.map((f) => ({ ...f, id: f.id ?? nextField++ }));
        for (const p of card.presets) p.field_ids = p.field_ids.filter((id) => card.fields.some((f) => f.id === id));
        return sortedCard();
      }),
    sharePresetAdd: (input) =>
      run(() => {
        const valid = checkPreset(input, null);
        if (card.presets.length >= 20) throw invalid('presets: at most 20');
        card.presets.push({ id: nextPreset++, ...valid });
        return sortedCard();
      }),
    sharePresetEdit: (id, input) =>
      run(() => {
        const valid = checkPreset(input, id);
        Object.assign(preset(id) ?? {}, valid);
        return sortedCard();
      }),
    sharePresetDelete: (id) =>
      run(() => {
        const found = preset(id);
        if (!found) throw missing('preset');
        card.presets.splice(card.presets.indexOf(found), 1);
        return sortedCard();
      }),
    cardShare: (request) => run(() => share(request)),
    // The mock pretends the save dialog chose a file.
    cardExportFile: (request) => run(() => share(request).share),
    shareList: () => run(() => copy([...shares].sort((a, b) => b.id - a.id))),
    supportLineGet: () => run(() => ({ ...supportLine })),
    supportLineSave: (input) =>
      run(() => {
        const optionalPhone = (value: string): string => (value.trim() === '' ? '' : phone(value));
        supportLine = {
          name: line('name', input.name, 200, false),
          phone: optionalPhone(input.phone),
          text_number: optionalPhone(input.text_number),
          notes: multiline('notes', input.notes, 2000),
        };
        return { ...supportLine };
      }),
    contactOpenLink: (kind, value) =>
      run(() => {
        const link = kind === 'email' ? `mailto:${percentEncoded(email(value), '@.-_+')}`
          : `${kind === 'call' ? 'tel' : 'sms'}:${percentEncoded(phone(value).replace(/[^\d+*#]/g, ''), '+')}`;
        openedLinks.push(link);
        return null;
      }),
  };
}
