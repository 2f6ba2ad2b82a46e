// A newcomer and then a facilitator through the real app in English: first run, the pathway
// after one meeting and one reflection, the meeting script with the share timer; then German
// chosen in Settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, saveScreenshot } from '../app';
import { facilitate, firstRun, pathwayAfterFirstMeeting, wording } from '../walk';

test('a newcomer finds their way and later facilitates, in English', async () => {
  const app = await harness(4580);
  try {
    const window = await app.launch();
    const say = wording('en');
    await firstRun(window, say, 'Tuesday circle');
    assert.equal(await window.property('/html', 'lang'), 'en', 'screen readers are told the page is English');
    await pathwayAfterFirstMeeting(window, say, 'Tuesday circle');
    await saveScreenshot(window, 'pathway-english.png');
    await facilitate(window, say, 'Tuesday circle');

    // German chosen in Settings over the system's English: the window reloads in German, the
    // vault still open, and the choice holds for the next start.
    await window.click(`//button[normalize-space()="${say('area.settings')}"]`);
    await window.setValue('//select[@id="language-choice"]', 'de');
    await window.click(`//button[normalize-space()="${say('settings.language.apply')}"]`);
    const german = wording('de');
    await window.find(`//nav//button[normalize-space()="${german('area.journal')}"]`, 20_000);
    assert.equal(await window.property('/html', 'lang'), 'de', 'the page is marked German after the switch');
    await window.close();
    const again = await app.launch();
    // The keyring opens the vault at start; the app speaks German from its first screen on.
    await again.find(`//nav//button[normalize-space()="${german('area.journal')}"]`, 30_000);
    assert.equal(await again.property('/html', 'lang'), 'de', 'the choice held for the next start');
  } finally {
    await app.done();
  }
});
