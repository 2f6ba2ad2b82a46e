// Meetings in and a backup out, through the real app: an .ics file imported into a group through
// the file dialog flow (the e2e build's stand-in for the native dialog), an encrypted backup
// saved, then restored by a second app with a fresh data folder, unlocked with the vault's own
// passphrase, and the imported meeting is there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { harness, openNewPassphraseVault } from '../app';
import { button, byId, heading } from '../webdriver';

const PASSPHRASE = 'a calm and long passphrase';
const BACKUP_PASSPHRASE = 'the backup has its own passphrase';
const FIXTURE = resolve(import.meta.dirname, '..', '..', '..', 'crates', 'holdspace-core', 'tests', 'fixtures', 'ical', 'google.ics');

test('an .ics imported into a group survives a backup restored into a fresh data folder', async () => {
  const dialogs = mkdtempSync(join(tmpdir(), 'holdspace-dialogs-'));
  const first = await harness(4514, { HOLDSPACE_E2E_DIALOG_DIR: dialogs });
  try {
    const window = await first.launch();
    await openNewPassphraseVault(window, PASSPHRASE);
    await window.click(button('Groups'));
    await window.click(button('Add a group'));
    await window.type(byId('group-name'), 'Tuesday circle');
    await window.click(button('Save group'));
    await window.find(heading('Tuesday circle'));
    await window.click(button('All groups'));

    await window.click(button('Import meetings'));
    writeFileSync(join(dialogs, 'open'), FIXTURE);
    await window.click(button('From a calendar file (.ics)…'));
    await window.find('//p[@role="status"][normalize-space()="2 event(s) found."]');
    await window.click('//select[@id="import-into-0"]/option[normalize-space()="Tuesday circle"]');
    await window.click('//input[@aria-label="Import Orientation"]');
    await window.click(button('Import the chosen meetings'));
    await window.find('//p[@role="status"][normalize-space()="1 meeting(s) imported, 0 of them updated from an earlier import."]');
    await window.click('//button[contains(@class, "card-button")][.//span[normalize-space()="Tuesday circle"]]');
    await window.find('//*[contains(normalize-space(), "FREQ=WEEKLY;BYDAY=TU")]');
    await window.click(button('All groups'));

    await window.click(button('Settings'));
    await window.type(byId('backup-passphrase'), BACKUP_PASSPHRASE);
    await window.type(byId('backup-repeat'), BACKUP_PASSPHRASE);
    await window.click(button('Save an encrypted backup…'));
    await window.find('//p[@role="status"][starts-with(normalize-space(), "Backup saved")]');
    await window.close();
  } finally {
    await first.done();
  }

  const backup = join(dialogs, 'vault.holdspace-backup');
  assert.ok(existsSync(backup), 'the backup was written where the dialog pointed');
  assert.ok(!readFileSync(backup).includes(Buffer.from('Tuesday circle')), 'the backup holds no plaintext');

  const second = await harness(4524, { HOLDSPACE_E2E_DIALOG_DIR: dialogs });
  try {
    const window = await second.launch();
    await window.find(heading('Welcome to Holdspace'), 30_000);
    await window.click(button('Restore from a backup instead'));
    await window.type(byId('setup-backup-passphrase'), BACKUP_PASSPHRASE);
    writeFileSync(join(dialogs, 'open'), backup);
    await window.click(button('Choose the backup file…'));
    await window.find(heading('Welcome back'), 30_000);
    await window.type(byId('unlock-passphrase'), PASSPHRASE);
    await window.click(button('Unlock'));
    await window.click(button('Groups'));
    await window.click('//button[contains(@class, "card-button")][.//span[normalize-space()="Tuesday circle"]]');
    await window.find('//*[contains(normalize-space(), "FREQ=WEEKLY;BYDAY=TU")]');
    await window.close();
  } finally {
    await second.done();
  }
});
