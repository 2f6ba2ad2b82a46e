// The canary scan of the whole app: unique marker words go into a journal entry, a contact, a
// group's name and a reminder, every screen is visited with logs at the most verbose level,
// the reminder fires, the vault is locked and the app ends. Then every file under the data
// folder, the app's temp folder, its home (config, cache, autostart), the WebKit data folder,
// and every notification shown are searched byte by byte, in UTF-8 and UTF-16: 0 hits.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, openNewPassphraseVault } from '../app';
import { startNotificationServer } from '../notifications';
import { button, byId, heading } from '../webdriver';

const PASSPHRASE = 'a calm and long passphrase';
const pad = (n: number): string => String(n).padStart(2, '0');
const tag = Math.random().toString(36).slice(2, 10);
const CANARIES = {
  journal: `CanaryJournal${tag}`,
  contact: `CanaryContact${tag}`,
  group: `CanaryGroup${tag}`,
  reminder: `CanaryReminder${tag}`,
};

function filesUnder(dir: string, into: string[] = []): string[] {
  if (!existsSync(dir)) return into;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      continue; // a socket or a file gone since the listing
    }
    if (stats.isDirectory()) filesUnder(path, into);
    else if (stats.isFile()) into.push(path);
  }
  return into;
}

test('no file the app wrote and no notification holds a word the person typed', async () => {
  const notifications = await startNotificationServer();
  // The app's clock runs ahead so that a reminder set for a whole minute is due 40 s from now.
  const due = Math.ceil((Date.now() + 10 * 60_000) / 60_000) * 60_000;
  const offsetSeconds = Math.round((due - (Date.now() + 40_000)) / 1000);
  const at = new Date(due);
  const scratchTmp = join(process.env['XDG_RUNTIME_DIR'] ?? '/tmp', `holdspace-canary-tmp-${tag}`);
  mkdirSync(scratchTmp, { recursive: true });
  const app = await harness(4554, {
    HOLDSPACE_LOG: 'trace',
    HOLDSPACE_CLOCK_OFFSET_SECONDS: String(offsetSeconds),
    TMPDIR: scratchTmp,
    TZ: 'UTC',
  });
  try {
    // The file log starts only when the data folder exists at start (a first run leaves no
    // trace before set-up), so the vault is made first and the canaries go in a second run.
    const first = await app.launch();
    await openNewPassphraseVault(first, PASSPHRASE);
    await first.find('//nav[@aria-label="Main"]');
    await first.close();
    const window = await app.launch();
    await window.find(heading('Welcome back'), 30_000);
    await window.type(byId('unlock-passphrase'), PASSPHRASE);
    await window.click(button('Unlock'));
    await window.find('//nav[@aria-label="Main"]');

    await window.click(button('Groups'));
    await window.click(button('Add a group'));
    await window.type(byId('group-name'), CANARIES.group);
    await window.click(button('Save group'));
    await window.find(heading(CANARIES.group));

    await window.click(button('Journal'));
    await window.click(button('New entry'));
    await window.type(byId('entry-body'), `Today I wrote ${CANARIES.journal} in my journal.`);
    await window.find('//*[@data-testid="save-status" and normalize-space()="Saved"]');
    await window.click(button('Back (Esc)'));
    await window.type(byId('journal-search'), CANARIES.journal);
    await window.find(`//button[contains(@class, "card-button")][contains(., "${CANARIES.journal}")]`);

    await window.click(button('Buddies'));
    await window.click(button('Add a contact'));
    await window.type(byId('contact-name'), CANARIES.contact);
    await window.click(button('Save contact'));
    await window.find(`//strong[normalize-space()="${CANARIES.contact}"]`);

    await window.click(button('Reminders'));
    await window.click('//select[@id="reminder-kind"]/option[@value="custom"]');
    await window.type(byId('reminder-label'), CANARIES.reminder);
    await window.setValue(
      byId('reminder-start'),
      `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}T${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`,
    );
    await window.click(button('Add reminder'));
    await window.find(`//li[contains(., "${CANARIES.reminder}")]`);

    for (const area of ['Today', 'Groups', 'Calendar', 'Journal', 'Buddies', 'Reminders', 'Insights', 'Settings']) {
      await window.click(button(area));
      // The calendar's heading names the week shown; every other screen's names the screen.
      await window.find(area === 'Calendar' ? '//h1[@id="calendar-title"]' : heading(area));
    }
    await notifications.nth(1, 120_000);
    await window.ctrl('l');
    await window.find(heading('Welcome back'));
  } finally {
    await app.done();
    await notifications.stop();
  }

  const places = [app.dataDir, app.home, scratchTmp, join(process.env['XDG_DATA_HOME'] ?? '', 'app.holdspace.desktop')];
  const files = places.flatMap((place) => filesUnder(place));
  assert.ok(files.some((file) => file.startsWith(app.dataDir) && file.endsWith('holdspace.db')), 'the vault was scanned');
  assert.ok(files.some((file) => file.includes(join(app.dataDir, 'logs'))), 'the trace log was written and scanned');
  const hits: string[] = [];
  let bytes = 0;
  for (const file of files) {
    const content = readFileSync(file);
    bytes += content.length;
    for (const [what, canary] of Object.entries(CANARIES)) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        if (content.includes(Buffer.from(canary, encoding))) hits.push(`${what} (${encoding}) in ${file}`);
      }
    }
  }
  for (const notification of notifications.received) {
    const said = `${notification.app} ${notification.summary} ${notification.body} ${notification.actions.flat().join(' ')}`;
    for (const [what, canary] of Object.entries(CANARIES)) if (said.includes(canary)) hits.push(`${what} in a notification`);
  }
  // A control: the same search finds what the trace log is meant to hold, so 0 hits is not
  // a search that cannot find anything.
  const logText = files.filter((file) => file.includes(join(app.dataDir, 'logs'))).map((file) => readFileSync(file));
  assert.ok(logText.some((content) => content.includes(Buffer.from('vault unlocked'))), 'the scan reads the log it searches');
  console.log(`canary scan: ${files.length} files, ${bytes} bytes, ${notifications.received.length} notification(s): ${hits.length} hits`);
  assert.ok(notifications.received.length >= 1, 'the reminder was shown, so notifications were scanned');
  assert.deepEqual(hits, [], 'nothing the person typed is readable outside the encrypted vault');
});
