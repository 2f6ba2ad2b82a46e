// The newcomer's and the facilitator's walk through the real app, in whichever language the
// app was started in: every text is taken from that language's translation file, so the same
// walk proves both languages complete and a wording change does not break it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { byId, type Session } from './webdriver';

const ROOT = join(import.meta.dirname, '..', '..');
export type Language = 'en' | 'de';

/** The text for `key` in `language`, with its {placeholders} filled. */
export function wording(language: Language): (key: string, values?: Record<string, string | number>) => string {
  const messages: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'ui', 'src', 'i18n', `${language}.json`), 'utf8'));
  return (key, values = {}) => {
    const text = messages[key];
    assert.ok(text !== undefined, `${language}.json has ${key}`);
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');
const quoted = (text: string): string => (text.includes('"') ? `'${text}'` : `"${text}"`);
const button = (name: string): string => `//button[normalize-space()=${quoted(name)}]`;
const h = (level: number, name: string): string => `//h${level}[normalize-space()=${quoted(name)}]`;
const labelled = (label: string): string => `//label[normalize-space()=${quoted(label)}]/input`;
/** A text up to its first placeholder: the fixed start of a message with a date in it. */
const lead = (text: string): string => text.split('{')[0] ?? text;
/** The fixed part after the last placeholder. */
const tail = (text: string): string => text.slice(text.lastIndexOf('}') + 1);

/** First run: the welcome says what happens to the person's data, sets up a keyring vault, and
 *  asks which groups they belong to. Ends in the app, with `group` added. */
export async function firstRun(window: Session, say: ReturnType<typeof wording>, group: string): Promise<void> {
  await window.find(h(1, say('setup.title')), 30_000);
  await window.find(h(2, say('setup.privacy.title')));
  await window.find(`//li[normalize-space()=${quoted(say('setup.privacy.local'))}]`);
  await window.find(button(say('setup.demo.open')));
  await window.click(button(say('setup.create')));
  await window.click(labelled(say('recovery.shown.confirm')));
  await window.click(button(say('recovery.shown.done')));
  await window.find(h(1, say('firstGroups.title')));
  await window.type(byId('first-group-name-0'), group);
  await window.setValue(byId('first-group-kind-0'), 'grief-loss');
  await window.click(button(say('firstGroups.save')));
  await window.find('//nav[@aria-label]');
}

/** A daily check-in reminder at `time` (HH:MM in the app's zone), added from Reminders. */
export async function addDailyCheckIn(window: Session, say: ReturnType<typeof wording>, time: string): Promise<void> {
  await window.click(button(say('area.reminders')));
  await window.find(h(1, say('reminders.title')));
  await window.setValue(byId('reminder-kind'), 'daily-check-in');
  await window.setValue(byId('reminder-time'), time);
  await window.click(button(say('reminders.form.add')));
  await window.find(`//ul[@aria-label=${quoted(say('reminders.rules'))}]/li`);
}

/** The pathway of a group the person has just joined, after one meeting attended (and shared
 *  at) and one reflection written: the record ticks three steps, the person ticks one. */
export async function pathwayAfterFirstMeeting(window: Session, say: ReturnType<typeof wording>, group: string): Promise<void> {
  await window.click(button(say('area.groups')));
  await window.click(`//button[span[normalize-space()=${quoted(group)}]]`);
  await window.find(h(1, group));
  await window.find(h(2, say('pathway.title')));
  await window.find(`//p[normalize-space()=${quoted(say('pathway.progress', { done: 0, total: 5 }))}]`);
  await window.find(`//label[@for="pathway-research" and normalize-space()=${quoted(say('pathway.step.research.title'))}]`);
  await window.click(byId('pathway-research'));
  await window.find(`//p[normalize-space()=${quoted(say('pathway.progress', { done: 1, total: 5 }))}]`);

  // A weekly meeting that started 45 minutes ago and lasted 30: it has just ended, so Today
  // asks how it went.
  const start = new Date(Date.now() - 45 * 60_000);
  const minutes = 30;
  await window.click(button(say('schedule.add')));
  await window.setValue(byId('schedule-date'), `${start.getUTCFullYear()}-${pad(start.getUTCMonth() + 1)}-${pad(start.getUTCDate())}`);
  await window.setValue(byId('schedule-time'), `${pad(start.getUTCHours())}:${pad(start.getUTCMinutes())}`);
  await window.setValue(byId('schedule-zone'), 'UTC');
  await window.setValue(byId('schedule-duration'), String(minutes));
  await window.click(button(say('schedule.save')));

  await window.click(button(say('area.today')));
  await window.find(h(2, say('today.checkIn.title')));
  await window.click(labelled(say('attendance.attended-in-person')));
  await window.click(`//label[span[normalize-space()=${quoted(say('checkIn.shared'))}]]/input`);
  await window.click(button(say('checkIn.save')));
  await window.find(`//*[normalize-space()=${quoted(say('checkIn.saved'))}]`);
  await window.click(button(say('today.reflect.start')));
  const question = say('template.post-meeting.body').split('\n').find((line) => line.startsWith('### ')) ?? '';
  assert.ok((await window.filledValue(byId('entry-body'))).includes(question), 'the reflection starts with the after-a-meeting questions in this language');
  await window.type(byId('entry-body'), 'Ich habe zugehört, und das war genug. / I listened, and that was enough.');
  await window.find(`//*[@data-testid="save-status" and normalize-space()=${quoted(say('editor.saved'))}]`);
  await window.click(button(say('editor.back')));

  await window.click(button(say('area.groups')));
  await window.click(`//button[span[normalize-space()=${quoted(group)}]]`);
  await window.find(`//p[normalize-space()=${quoted(say('pathway.progress', { done: 4, total: 5 }))}]`);
  for (const key of ['pathway.tickedBy.attendance', 'pathway.tickedBy.sharing', 'pathway.tickedBy.reflection', 'pathway.tickedBy.me']) {
    const [before, after] = [lead(say(key)), tail(say(key))];
    assert.equal(await window.count(`//p[starts-with(normalize-space(), ${quoted(before)}) and contains(., ${quoted(after)})]`), 1, `${key}: the step says why it is done`);
  }
  assert.equal(await window.count('//input[@id="pathway-first-meeting" and @disabled]'), 1, 'a step the record ticked cannot be unticked by hand');
  await window.find(button(say('pathway.buddy.open')));
}

/** The same person takes on facilitating: the meeting script from the group's norms, and the
 *  share timer run, paused and reset. */
export async function facilitate(window: Session, say: ReturnType<typeof wording>, group: string): Promise<void> {
  await window.click(button(say('group.editDetails')));
  await window.setValue(byId('group-role'), 'facilitator');
  await window.click(button(say('group.save')));
  await window.click(button(say('facilitate.open')));
  await window.find(h(1, say('facilitate.title', { group })));
  for (const key of ['facilitate.opening', 'facilitate.checkIn', 'facilitate.sharing', 'facilitate.closing']) {
    await window.find(`//dialog${h(2, say(key))}`);
  }
  await window.setValue(byId('share-minutes'), '2');
  const clock = '//*[@data-testid="share-clock"]';
  assert.equal(await window.text(clock), '2:00', 'a fresh share starts at the chosen minutes');
  await window.click(button(say('facilitate.start')));
  await window.find(`${clock}[starts-with(normalize-space(), "1:5")]`, 10_000);
  await window.click(button(say('facilitate.pause')));
  const paused = await window.text(clock);
  await new Promise((r) => setTimeout(r, 1_500));
  assert.equal(await window.text(clock), paused, 'a paused share does not count down');
  await window.click(button(say('facilitate.reset')));
  assert.equal(await window.text(clock), '2:00', 'reset starts the share again');
  await window.click(button(say('facilitate.close')));
  assert.equal(await window.count('//dialog[@open]'), 0, 'the view closes');

  await window.type(byId('log-how'), 'Ruhig. / Calm.');
  await window.click(button(say('facilitationLog.save')));
  await window.find(`//*[normalize-space()=${quoted(say('facilitationLog.saved'))}]`);
}
