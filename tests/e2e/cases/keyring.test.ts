// A keyring vault through the real app and a real Secret Service: create, lock, unlock; then
// the keyring entry is deleted behind the app's back and the recovery code gets the user in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { harness } from '../app';
import { button, byId, heading, labelled } from '../webdriver';

test('a keyring vault locks, unlocks, and recovers after its keyring entry is deleted', async () => {
  const app = await harness(4454);
  try {
    let window = await app.launch();
    await window.find(heading('Welcome to Holdspace'), 30_000);
    await window.click(button('Create my vault'));
    const code = await window.text('//*[@data-testid="recovery-code"]');
    await window.click(labelled('I have written down my recovery code'));
    await window.click(button('Open Holdspace'));
    await window.click(button('Skip for now'));
    await window.find('//nav[@aria-label="Main"]');

    await window.click(button('Lock'));
    await window.find(heading('Welcome back'));
    assert.equal(await window.count('//nav'), 0, 'locked: only the unlock screen');
    await window.click(button('Unlock with the keyring'));
    await window.find('//nav[@aria-label="Main"]');
    await window.close();

    execFileSync('secret-tool', ['clear', 'service', 'holdspace']);
    window = await app.launch();
    await window.find(heading('Welcome back'), 30_000);
    const error = await window.text('//*[@role="alert" and normalize-space()!=""]');
    assert.match(error, /keyring is not available/, 'the missing keyring entry is explained, not hidden');
    await window.click(button('I lost access'));
    await window.type(byId('recovery-code'), code);
    await window.type(byId('recover-passphrase'), 'passphrase after recovery');
    await window.type(byId('recover-repeat'), 'passphrase after recovery');
    await window.click(button('Recover my vault'));
    await window.find('//nav[@aria-label="Main"]');
    await window.close();

    window = await app.launch();
    await window.find(heading('Welcome back'), 30_000);
    await window.type(byId('unlock-passphrase'), 'passphrase after recovery');
    await window.click(button('Unlock'));
    await window.find('//nav[@aria-label="Main"]');
    await window.close();
  } finally {
    await app.done();
  }
});
