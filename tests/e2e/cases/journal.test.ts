// The journal through the real app: a check-in saved without a button, edited, a lock in the
// middle of typing that loses nothing, search that opens the entry, a template from the real
// core, and its Markdown previewed under the app's real content security policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, openNewPassphraseVault } from '../app';
import { button, byId, heading } from '../webdriver';

const PASSPHRASE = 'a calm and long passphrase';

test('a journal entry survives a lock in the middle of typing and is found by search', async () => {
  const app = await harness(4474);
  try {
    const window = await app.launch();
    await openNewPassphraseVault(window, PASSPHRASE);

    await window.click(button('Journal'));
    await window.click(button('New entry'));
    await window.type(byId('entry-body'), 'Arrived tired but the café was calm.');
    await window.find('//*[@data-testid="save-status" and normalize-space()="Saved"]');

    // More words, then lock at once: the pending edit goes through the save command first.
    await window.click(byId('entry-body'));
    await window.keys(' Then I called my buddy.');
    await window.ctrl('l');
    await window.find(heading('Welcome back'));
    assert.equal(await window.count('//textarea'), 0, 'a locked app shows nothing but the unlock screen');
    await window.type(byId('unlock-passphrase'), PASSPHRASE);
    await window.click(button('Unlock'));

    await window.click(button('Journal'));
    await window.type(byId('journal-search'), 'cafe buddy');
    await window.click('//button[contains(@class, "card-button")][.//mark]');
    const body = await window.filledValue(byId('entry-body'));
    assert.equal(body, 'Arrived tired but the café was calm. Then I called my buddy.', 'nothing typed before the lock was lost');

    await window.click(button('Back (Esc)'));
    await window.click(button('New entry'));
    await window.click('//select[@id="entry-template"]/option[normalize-space()="Daily check-in"]');
    assert.match(await window.filledValue(byId('entry-body')), /How am I arriving today\?/, 'the core\'s daily check-in starts the entry');
    await window.find('//*[@data-testid="save-status" and normalize-space()="Saved"]');
    await window.click('//button[@aria-pressed][normalize-space()="Preview"]');
    await window.find('//*[@data-testid="entry-preview"]//h3[normalize-space()="How am I arriving today?"]');
    await window.close();
  } finally {
    await app.done();
  }
});
