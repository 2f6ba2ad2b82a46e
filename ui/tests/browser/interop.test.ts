// Meetings in and data out, in a real browser against the mock backend: a calendar file
// previewed with a guessed zone flagged, imported into a new group; a Meeting Guide list
// followed; a backup, a calendar export and plain copies (only after consent) from Settings;
// and restoring a backup from the first-run screen. Axe scans each screen.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { accessibilityProblems, MOCK_PASSPHRASE, mockSuite, unlockMock } from './harness';

const suite = mockSuite();

async function unlocked(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await suite.browser.newContext({ colorScheme, viewport: { width: 1100, height: 900 }, timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  await page.goto(`${suite.url}?mockPassphrase=${MOCK_PASSPHRASE}`);
  await unlockMock(page);
  return page;
}

describe('meetings in, data out', () => {
  it('previews a calendar file, flags a guessed zone, and imports only the chosen event', async () => {
    const page = await unlocked();
    await page.getByRole('button', { name: 'Groups', exact: true }).click();
    await page.getByRole('button', { name: 'Import meetings' }).click();
    await page.getByRole('button', { name: 'From a calendar file (.ics)…' }).click();
    await page.getByText('2 event(s) found.').waitFor();
    assert.equal(await page.getByText('is a guess', { exact: false }).count(), 1, 'the event without a known zone is flagged');
    assert.deepEqual(await accessibilityProblems(page), [], 'the import preview is accessible');
    await page.getByLabel('Import Somewhere').uncheck();
    await page.getByRole('button', { name: 'Import the chosen meetings' }).click();
    await page.getByText('1 meeting(s) imported, 0 of them updated from an earlier import.').waitFor();
    await page.getByRole('button', { name: /Tuesday circle/ }).waitFor();

    await page.getByRole('button', { name: 'From a meeting list (Meeting Guide .json)…' }).click();
    await page.getByText('1 meeting(s) in the list.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Follow the chosen meetings' }).click();
    await page.getByText('Choose at least one meeting.').waitFor();
    await page.getByLabel('Follow Sunday Serenity').check();
    await page.getByRole('button', { name: 'Follow the chosen meetings' }).click();
    await page.getByText('1 group(s) added.').waitFor();
    await page.getByRole('button', { name: /Sunday Serenity/ }).waitFor();
    await page.context().close();
  });

  it('makes a backup, exports a discreet calendar, and offers plain copies only after consent', async () => {
    const page = await unlocked('dark');
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { name: 'Your data', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Privacy' }).waitFor();
    await page.getByLabel('High-security memory mode').check();
    await page.getByText('Turns on the next time Holdspace starts.').waitFor();
    assert.equal(await page.getByText('kept in one folder on this computer: /mock', { exact: false }).count(), 1, 'the privacy page names the data folder');
    assert.deepEqual(await accessibilityProblems(page), [], 'Your data is accessible in the dark theme');
    await page.getByLabel('Backup passphrase', { exact: true }).fill('a backup passphrase');
    await page.getByLabel('Repeat the backup passphrase').fill('a different one');
    await page.getByRole('button', { name: 'Save an encrypted backup…' }).click();
    await page.getByRole('alert').getByText('are not the same', { exact: false }).waitFor();
    await page.getByLabel('Repeat the backup passphrase').fill('a backup passphrase');
    await page.getByRole('button', { name: 'Save an encrypted backup…' }).click();
    await page.getByText('Backup saved', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Save calendar file…' }).click();
    await page.getByText('event(s) saved.', { exact: false }).waitFor();

    assert.equal(await page.getByRole('button', { name: 'Journal as one JSON file…' }).count(), 0, 'no plain copy before consent');
    await page.getByLabel('I understand these files are not encrypted').check();
    await page.getByRole('button', { name: 'Journal as one JSON file…' }).click();
    await page.getByText('record(s) exported.', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Choose the backup file…' }).click();
    await page.getByText('Tick the box to confirm', { exact: false }).waitFor();
    await page.context().close();
  });

  it('offers to restore a backup on the first-run screen and says when the passphrase is wrong', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.goto(suite.url);
    await page.getByRole('heading', { name: 'Welcome to Holdspace' }).waitFor();
    await page.getByRole('button', { name: 'Restore from a backup instead' }).click();
    await page.getByLabel("The backup's passphrase").fill('not the right one');
    assert.deepEqual(await accessibilityProblems(page), [], 'the restore form is accessible');
    await page.getByRole('button', { name: 'Choose the backup file…' }).click();
    await page.getByRole('alert').getByText('does not open this backup', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Create a new vault instead' }).click();
    await page.getByRole('button', { name: 'Create my vault' }).waitFor();
    await context.close();
  });
});
