// The same walk in German, with a German system locale: the app speaks German from its first
// screen, marks the page German for screen readers, and every text of the walk comes from
// de.json (a German text missing there fails the walk). A daily check-in reminder added at the
// start arrives during the walk as a real desktop notification, in German too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, saveScreenshot } from '../app';
import { startNotificationServer } from '../notifications';
import { addDailyCheckIn, facilitate, firstRun, pathwayAfterFirstMeeting, wording } from '../walk';

/** How long after launch the check-in is due: time for the first run and adding the reminder. */
const LEAD = 40_000;
const MINUTE = 60_000;
const pad = (n: number): string => String(n).padStart(2, '0');

test('a newcomer finds their way and later facilitates, in German', async () => {
  const notifications = await startNotificationServer();
  // Reminders are due on whole minutes: the app's clock runs up to a minute ahead, so a whole
  // minute comes LEAD after launch. Only reminders read that clock.
  const launch = Date.now();
  const offsetSeconds = Math.round((Math.ceil((launch + LEAD) / MINUTE) * MINUTE - launch - LEAD) / 1000);
  const appNow = (): number => Date.now() + offsetSeconds * 1000;
  const app = await harness(4590, {
    LANG: 'de_DE.UTF-8',
    LANGUAGE: 'de',
    LC_ALL: 'de_DE.UTF-8',
    TZ: 'UTC',
    HOLDSPACE_CLOCK_OFFSET_SECONDS: String(offsetSeconds),
  });
  try {
    const window = await app.launch();
    const say = wording('de');
    await firstRun(window, say, 'Dienstagskreis');
    // The whole minute planned at launch, or on a slow machine the next one still 20 s away.
    const checkIn = Math.ceil((appNow() + 20_000) / MINUTE) * MINUTE;
    const due = checkIn - offsetSeconds * 1000;
    const at = new Date(checkIn);
    await addDailyCheckIn(window, say, `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`);
    assert.ok(Date.now() < due, 'the reminder was added before it is due');
    assert.equal(await window.property('/html', 'lang'), 'de', 'screen readers are told the page is German');
    assert.equal(await window.count(`//button[normalize-space()="${wording('en')('area.journal')}"]`), 0, 'no English area name is left beside the German one');
    await pathwayAfterFirstMeeting(window, say, 'Dienstagskreis');
    await saveScreenshot(window, 'pathway-german.png');
    await facilitate(window, say, 'Dienstagskreis');

    const notice = await notifications.nth(1, Math.max(due - Date.now(), 0) + MINUTE);
    const late = notice.at - due;
    console.log(`German check-in reminder: ${late} ms after it was due`);
    assert.equal(notice.summary, 'Holdspace', 'the title says only the app, in any language');
    assert.equal(notice.body, 'Zeit für deinen Check-in', 'the notification speaks the window\'s language');
    assert.deepEqual(
      notice.actions.map(([, label]) => label),
      ['reminders.snooze.ten-minutes', 'reminders.snooze.one-hour', 'reminders.snooze.tomorrow', 'reminders.dismiss'].map((key) => say(key)),
      'its buttons read as the same choices do in the window',
    );
    assert.ok(late > -2_000 && late < 10_000, `on time within 10 s (was ${late} ms)`);
  } finally {
    await app.done();
    await notifications.stop();
  }
});
