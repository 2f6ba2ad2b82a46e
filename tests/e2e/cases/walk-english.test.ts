// A newcomer and then a facilitator through the real app in English: first run, the pathway
// after one meeting and one reflection, the meeting script with the share timer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, saveScreenshot } from '../app';
import { facilitate, firstRun, pathwayAfterFirstMeeting, wording } from '../walk';

test('a newcomer finds their way and later facilitates, in English', async () => {
  const app = await harness(4571);
  try {
    const window = await app.launch();
    const say = wording('en');
    await firstRun(window, say, 'Tuesday circle');
    assert.equal(await window.property('/html', 'lang'), 'en', 'screen readers are told the page is English');
    await pathwayAfterFirstMeeting(window, say, 'Tuesday circle');
    await saveScreenshot(window, 'pathway-english.png');
    await facilitate(window, say, 'Tuesday circle');
  } finally {
    await app.done();
  }
});
