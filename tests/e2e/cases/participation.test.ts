// A group with a weekly meeting through the real app: the next occurrence shows on Today, the
// meeting that just ended gets a check-in with a role and moods, and Insights changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, openNewPassphraseVault, saveScreenshot } from '../app';
import { button, byId, heading } from '../webdriver';

const PASSPHRASE = 'a calm and long passphrase';
const pad = (n: number): string => String(n).padStart(2, '0');

test('a weekly meeting shows on Today, takes a check-in, and changes the insights', async () => {
  const app = await harness(4484);
  try {
    const window = await app.launch();
    await openNewPassphraseVault(window, PASSPHRASE);

    await window.click(button('Insights'));
    await window.find('//p[normalize-space()="Once you record attendance, your numbers appear here."]');

    await window.click(button('Groups'));
    await window.click(button('Add a group'));
    await window.type(byId('group-name'), 'Tuesday circle');
    // Joined a week ago: the meeting three hours back falls on yesterday's date between
    // midnight and 3 a.m., and a meeting from before joining is rightly left out of Insights.
    const joined = new Date(Date.now() - 7 * 86_400_000);
    await window.setValue(byId('group-joined'), `${joined.getFullYear()}-${pad(joined.getMonth() + 1)}-${pad(joined.getDate())}`);
    await window.click(button('Save group'));
    await window.find(heading('Tuesday circle'));

    // Weekly, in UTC, starting three hours ago for 90 minutes: the first one has just ended.
    const start = new Date(Date.now() - 3 * 3_600_000);
    await window.click(button('Add a meeting time'));
    await window.setValue(byId('schedule-date'), `${start.getUTCFullYear()}-${pad(start.getUTCMonth() + 1)}-${pad(start.getUTCDate())}`);
    await window.setValue(byId('schedule-time'), `${pad(start.getUTCHours())}:${pad(start.getUTCMinutes())}`);
    await window.setValue(byId('schedule-zone'), 'UTC');
    await window.click(button('Save meeting time'));
    await window.find('//li[contains(., "FREQ=WEEKLY")]');

    await window.click(button('Today'));
    await window.find('//h2[normalize-space()="How did it go?"]');
    assert.ok((await window.count('//*[@data-testid="upcoming"]')) >= 1, 'the next occurrence is on Today');
    await window.click('//label[normalize-space()="I went, in person"]/input');
    await window.setValue('//select[starts-with(@id, "role-")]', 'greeter');
    await window.click('//fieldset[legend[starts-with(normalize-space(), "Mood before")]]//label[normalize-space()="2"]/input');
    await window.click('//fieldset[legend[starts-with(normalize-space(), "Mood after")]]//label[normalize-space()="4"]/input');
    await window.click(button('Save check-in'));
    await window.find('//*[normalize-space()="Check-in saved."]');
    await saveScreenshot(window, 'today.png');

    // The reflection offered right after the check-in, linked to that meeting.
    await window.click(button('Write a reflection'));
    await window.type(byId('entry-body'), 'I heard that slow progress is still progress.');
    await window.find('//*[@data-testid="save-status" and normalize-space()="Saved"]');
    assert.equal(await window.value(byId('entry-kind')), 'reflection', 'the entry is a reflection');
    await window.click(button('Back (Esc)'));
    await window.click(button('Journal'));
    await window.find('//button[contains(@class, "card-button")][contains(., "slow progress")]');

    await window.click(button('Insights'));
    const rate = await window.text('//*[@data-testid="attendance-rate"]');
    assert.match(rate, /100% \(1 of 1\)/, 'the real core counted the attended meeting');
    await window.find('//li[normalize-space()="Greeter: 1"]');
    await window.find('//div[contains(@class, "chart")]/canvas');
    await saveScreenshot(window, 'insights.png');
    await window.close();
  } finally {
    await app.done();
  }
});
