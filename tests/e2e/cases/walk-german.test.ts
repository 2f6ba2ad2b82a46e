// The same walk in German, with a German system locale: the app speaks German from its first
// screen, marks the page German for screen readers, and every text of the walk comes from
// de.json (a German text missing there fails the walk).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, saveScreenshot } from '../app';
import { facilitate, firstRun, pathwayAfterFirstMeeting, wording } from '../walk';

test('a newcomer finds their way and later facilitates, in German', async () => {
  const app = await harness(4590, { LANG: 'de_DE.UTF-8', LANGUAGE: 'de', LC_ALL: 'de_DE.UTF-8' });
  try {
    const window = await app.launch();
    const say = wording('de');
    await firstRun(window, say, 'Dienstagskreis');
    assert.equal(await window.property('/html', 'lang'), 'de', 'screen readers are told the page is German');
    assert.equal(await window.count(`//button[normalize-space()="${wording('en')('area.journal')}"]`), 0, 'no English area name is left beside the German one');
    await pathwayAfterFirstMeeting(window, say, 'Dienstagskreis');
    await saveScreenshot(window, 'pathway-german.png');
    await facilitate(window, say, 'Dienstagskreis');
  } finally {
    await app.done();
  }
});
