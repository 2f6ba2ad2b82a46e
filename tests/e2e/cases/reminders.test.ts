// Reminders through the real app and a real D-Bus notification server: a reminder due shortly
// arrives on time with the discreet text and without the group's name, and another arrives
// after the window was closed to the tray and the vault locked. The app's clock is moved with
// the debug-only offset, so "15 minutes before tomorrow's meeting" is a minute away.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, openNewPassphraseVault, saveScreenshot } from '../app';
import { startNotificationServer } from '../notifications';
import { button, byId, heading } from '../webdriver';

const PASSPHRASE = 'a calm and long passphrase';
const MINUTE = 60_000;
/** How long after launch the first reminder is due: time to set everything up through the UI. */
const LEAD = 75_000;
const pad = (n: number): string => String(n).padStart(2, '0');

async function waitFor(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 50 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.ok(done(), what);
}

test('a reminder arrives discreetly and on time, and another while the window is closed and the vault locked', async () => {
  const notifications = await startNotificationServer();
  const tomorrow = new Date(Date.now() + 24 * 3_600_000);
  const meeting = Date.UTC(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth(), tomorrow.getUTCDate(), 12, 0);
  const offsetSeconds = Math.round((meeting - 15 * MINUTE - LEAD - Date.now()) / 1000);
  // When each reminder is due on the real clock.
  const due15 = meeting - 15 * MINUTE - offsetSeconds * 1000;
  const due14 = due15 + MINUTE;
  const app = await harness(4494, { HOLDSPACE_CLOCK_OFFSET_SECONDS: String(offsetSeconds), TZ: 'UTC' });
  try {
    const window = await app.launch();
    await openNewPassphraseVault(window, PASSPHRASE);

    await window.click(button('Groups'));
    await window.click(button('Add a group'));
    await window.type(byId('group-name'), 'Tuesday circle');
    await window.click(button('Save group'));
    await window.find(heading('Tuesday circle'));
    await window.click(button('Add a meeting time'));
    await window.setValue(byId('schedule-date'), `${tomorrow.getUTCFullYear()}-${pad(tomorrow.getUTCMonth() + 1)}-${pad(tomorrow.getUTCDate())}`);
    await window.setValue(byId('schedule-time'), '12:00');
    await window.setValue(byId('schedule-zone'), 'UTC');
    await window.click(button('Save meeting time'));
    await window.find('//li[contains(., "FREQ=WEEKLY")]');

    // 15 and 14 minutes before: a minute apart, so the second comes after the window is closed.
    await window.click(button('Reminders'));
    await window.find(heading('Reminders'));
    await window.setValue(byId('reminder-group'), (await window.value('//select[@id="reminder-group"]/option[normalize-space()="Tuesday circle"]')));
    await window.click('//label[normalize-space()="60 minutes before"]/input');
    await window.setValue(byId('reminder-other'), '14');
    await window.click(button('Add reminder'));
    await window.find('//ul[@aria-label="Your reminders"]/li[contains(., "14 minutes before Tuesday circle")]');
    assert.equal(await window.count('//ul[@aria-label="Your reminders"]/li'), 2, 'two reminders, none for 60 minutes');
    await saveScreenshot(window, 'reminders.png');

    // Starting at login is the user's choice: an autostart entry appears, and goes again.
    const autostart = join(app.home, '.config', 'autostart');
    const entries = (): string[] => (existsSync(autostart) ? readdirSync(autostart) : []);
    assert.deepEqual(entries(), [], 'Holdspace does not start at login unless asked');
    await window.click('//label[contains(., "Start Holdspace when I log in")]/input');
    await waitFor(() => entries().length === 1, 'the autostart entry is written');
    await window.click('//label[contains(., "Start Holdspace when I log in")]/input');
    await waitFor(() => entries().length === 0, 'and removed when the choice is undone');

    const first = await notifications.nth(1, LEAD + MINUTE);
    const late1 = first.at - due15;
    console.log(`first reminder: ${late1} ms after it was due`);
    assert.equal(first.summary, 'Holdspace', 'the title says only the app');
    assert.equal(first.body, 'Meeting in 15 minutes', 'the text says when, not what or where');
    assert.ok(!`${first.summary} ${first.body}`.includes('Tuesday'), 'the group is not named');
    assert.ok(late1 > -2_000 && late1 < 10_000, `on time within 10 s (was ${late1} ms)`);

    // Snooze from the notification itself: it comes back ten minutes after its time, so it is
    // on the coming-up list again (and was not dismissed).
    assert.deepEqual(first.actions.map(([key]) => key), ['snooze-10', 'snooze-60', 'snooze-tomorrow', 'dismiss'], 'the notification offers snooze and dismiss');
    assert.ok(first.actions.every(([, label]) => !label.includes('Tuesday')), 'its buttons name nothing either');
    notifications.press(first, 'snooze-10');
    await window.click(button('Groups'));
    await window.click(button('Reminders'));
    await window.find('//ul[@aria-label="Coming up"]/li[contains(., "15 minutes before Tuesday circle")]', 10_000);

    // Closing the window (Ctrl+W, as its close button) keeps the app in the tray and locks.
    await window.ctrl('w');
    const second = await notifications.nth(2, 2 * MINUTE);
    const late2 = second.at - due14;
    console.log(`second reminder, window closed and vault locked: ${late2} ms after it was due`);
    assert.equal(second.body, 'Meeting in 14 minutes', 'from the list kept while locked, as discreet');
    assert.ok(late2 > -2_000 && late2 < 10_000, `on time within 10 s (was ${late2} ms)`);
    await window.find(heading('Welcome back'));
    assert.equal(await window.count('//textarea'), 0, 'the hidden window holds only the unlock screen: the vault is locked');
    assert.equal(notifications.received.length, 2, 'nothing was shown twice');
  } finally {
    await app.done();
    await notifications.stop();
  }
});
