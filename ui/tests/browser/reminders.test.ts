// Reminders in a real browser against the mock backend: none until the user adds one, the
// proposed 60 and 15 minutes from a group's page, the coming list with snooze and dismiss,
// pausing and deleting a rule, and the notification settings.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityProblems, mockSuite, unlockMock } from './harness';

const suite = mockSuite();

const pad = (n: number): string => String(n).padStart(2, '0');

describe('reminders', () => {
  it('adds the proposed reminders from a group, lists what is coming, and keeps the user in control', async () => {
    const context = await suite.browser.newContext({ timezoneId: 'UTC', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${suite.url}?mockPassphrase=the-right-one-123`);
    await unlockMock(page);
    await page.getByRole('button', { name: 'Reminders', exact: true }).click();
    await page.getByText('No reminders yet.', { exact: false }).waitFor();
    assert.equal(await page.getByText('Nothing is coming up.').count(), 1, 'no reminder exists until the user adds one');
    assert.deepEqual(await accessibilityProblems(page), [], 'the empty Reminders screen is accessible');

    await page.getByRole('button', { name: 'Groups', exact: true }).click();
    await page.getByRole('button', { name: 'Add a group' }).click();
    await page.getByLabel('Name').fill('Tuesday circle');
    await page.getByLabel('Kind of group').selectOption('grief-loss');
    await page.getByRole('button', { name: 'Save group' }).click();
    await page.getByRole('heading', { name: 'Tuesday circle', level: 1 }).waitFor();
    const start = new Date(Date.now() + 26 * 3_600_000);
    await page.getByRole('button', { name: 'Add a meeting time' }).click();
    await page.getByLabel('First meeting date').fill(`${start.getUTCFullYear()}-${pad(start.getUTCMonth() + 1)}-${pad(start.getUTCDate())}`);
    await page.getByLabel('Start time').fill('19:00');
    await page.getByLabel('Time zone').fill('UTC');
    await page.getByLabel('Repeats').selectOption('weekly');
    await page.getByRole('button', { name: 'Save meeting time' }).click();
    await page.getByText('FREQ=WEEKLY', { exact: false }).waitFor();
    await page.getByText('No reminders for this group.').waitFor();
    await page.getByRole('button', { name: 'Remind me 60 and 15 minutes before each meeting' }).click();
    await page.getByText('60 minutes before', { exact: true }).waitFor();
    assert.equal(await page.getByText('15 minutes before', { exact: true }).count(), 1, 'both proposed times were added');
    await page.getByLabel("Show this group's name and place in its notifications").check();

    await page.getByRole('button', { name: 'Reminders', exact: true }).click();
    const coming = page.getByRole('list', { name: 'Coming up' }).getByRole('listitem');
    await coming.first().waitFor();
    assert.ok((await coming.count()) >= 2, 'the next meeting brings two reminders');
    assert.match((await coming.first().textContent()) ?? '', /60 minutes before Tuesday circle/, 'the earliest first, in words');
    assert.ok(await page.getByLabel('Tuesday circle').isChecked(), 'the group page\'s choice to name it shows here too');
    assert.deepEqual(await accessibilityProblems(page), [], 'the Reminders screen is accessible');

    const before = await coming.count();
    await coming.first().getByRole('button', { name: 'Dismiss' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('[aria-label="Coming up"] li').length === n - 1, before);

    await page.getByLabel('What to remind').selectOption('daily-check-in');
    await page.getByLabel('Time').fill('21:30');
    await page.getByRole('button', { name: 'Add reminder' }).click();
    const ruleList = page.getByRole('list', { name: 'Your reminders' });
    await ruleList.getByText('Check-in every day at 21:30').waitFor();
    const rules = ruleList.getByRole('listitem');
    assert.equal(await rules.count(), 3, 'two for the group and the daily check-in');
    await rules.last().getByRole('button', { name: 'Pause' }).click();
    await rules.last().getByText('Paused').waitFor();
    await rules.last().getByRole('button', { name: 'Delete reminder' }).click();
    await rules.last().getByRole('button', { name: 'Delete reminder' }).click();
    await ruleList.getByText('Check-in every day at 21:30').waitFor({ state: 'detached' });

    await page.getByLabel('Hold reminders during quiet hours').check();
    await page.getByLabel('From').fill('22:00');
    await page.getByLabel('Until').fill('22:00');
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await page.getByText('start and end must differ', { exact: false }).waitFor();
    await page.getByLabel('Until').fill('07:00');
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor();

    const keep = page.getByLabel('Keep Holdspace running in the tray, so reminders still arrive');
    assert.ok(await keep.isChecked(), 'closing keeps Holdspace in the tray unless the user says otherwise');
    const atLogin = page.getByLabel('Start Holdspace when I log in');
    assert.ok(!(await atLogin.isChecked()), 'starting at login is opt-in');
    await atLogin.check();
    assert.ok(await atLogin.isChecked(), 'the choice is applied and shown');
    assert.deepEqual(await accessibilityProblems(page), [], 'the settings are accessible');
    await context.close();
  });
});
