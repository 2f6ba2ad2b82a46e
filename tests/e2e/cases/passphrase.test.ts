// A passphrase vault through the real app: create, quit, start again, a wrong passphrase is
// refused with a message, the right one opens it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { harness, saveScreenshot } from '../app';
import { button, byId, heading, labelled } from '../webdriver';

const PASSPHRASE = 'a calm and long passphrase';

test('a passphrase vault survives a restart and opens only with its passphrase', async () => {
  const app = await harness(4444);
  try {
    let window = await app.launch();
    await window.find(heading('Welcome to Holdspace'), 30_000);
    await window.click('//input[@name="method" and @value="passphrase"]');
    await window.type(byId('new-passphrase'), PASSPHRASE);
    await window.type(byId('repeat-passphrase'), PASSPHRASE);
    await window.click(button('Create my vault'));
    const code = await window.text('//*[@data-testid="recovery-code"]');
    assert.match(code, /^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/, 'the real recovery code is shown once');
    await window.click(labelled('I have written down my recovery code'));
    await window.click(button('Open Holdspace'));
    await window.click(button('Skip for now'));
    await window.find('//nav[@aria-label="Main"]');
    await saveScreenshot(window, 'app-frame.png');
    await window.close();

    window = await app.launch();
    await window.find(heading('Welcome back'), 30_000);
    assert.equal(await window.count('//nav'), 0, 'a restarted app shows nothing but the unlock screen');
    await saveScreenshot(window, 'unlock.png');
    await window.type(byId('unlock-passphrase'), 'not the passphrase');
    await window.click(button('Unlock'));
    const error = await window.text('//*[@role="alert" and normalize-space()!=""]');
    assert.match(error, /not right/, 'a wrong passphrase shows the error');
    assert.equal(await window.count('//nav'), 0, 'and the vault stays locked');
    await window.type(byId('unlock-passphrase'), PASSPHRASE);
    await window.click(button('Unlock'));
    await window.find('//nav[@aria-label="Main"]');

    // A key change re-encrypts every page: the passphrase still opens it, with a new code.
    const database = join(app.dataDir, 'holdspace.db');
    const before = readFileSync(database);
    await window.click(button('Settings'));
    await window.type(byId('rotate-passphrase'), PASSPHRASE);
    await window.click(button('Change the key'));
    const rotated = await window.text('//*[@data-testid="rotated-recovery-code"]');
    assert.match(rotated, /^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/, 'a new real recovery code is shown');
    assert.notEqual(rotated, code, 'and it is not the old one');
    await window.close();
    const after = readFileSync(database);
    assert.notDeepEqual(after.subarray(0, 4096), before.subarray(0, 4096), 'the first page is encrypted anew');

    window = await app.launch();
    await window.find(heading('Welcome back'), 30_000);
    await window.type(byId('unlock-passphrase'), PASSPHRASE);
    await window.click(button('Unlock'));
    await window.find('//nav[@aria-label="Main"]');
    await window.close();
  } finally {
    await app.done();
  }
});
