// The newcomer pathway in a real browser against the mock backend: the user's own ticks, the
// steps the record ticks (a meeting attended and shared at, a reflection), the orientation
// session as a one-off meeting, and the way to Buddies.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { accessibilityProblems, mockSuite, unlockMock } from './harness';

const suite = mockSuite();
const pad = (n: number): string => String(n).padStart(2, '0');

const step = (pathway: Locator, title: string): Locator => pathway.getByRole('listitem').filter({ has: pathway.page().getByLabel(title, { exact: true }) });

describe('newcomer pathway', () => {
  it('ticks what the user did and what the record shows, adds an orientation session, folds when done and points to Buddies', async () => {
    const context = await suite.browser.newContext({ timezoneId: 'UTC', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${suite.url}?mockPassphrase=the-right-one-123`);
    await unlockMock(page);
    await page.getByRole('button', { name: 'Groups', exact: true }).click();
    await page.getByRole('button', { name: 'Add a group' }).click();
    await page.getByLabel('Name').fill('Thursday recovery');
    await page.getByLabel('Kind of group').selectOption('addiction-recovery');
    await page.getByRole('button', { name: 'Save group' }).click();
    await page.getByRole('heading', { name: 'Thursday recovery', level: 1 }).waitFor();

    const pathway = page.getByRole('region', { name: 'Finding your way in this group' });
    await pathway.getByText('0 of 5 steps done').waitFor();
    await pathway.getByText('Interrupting a share.', { exact: false }).waitFor();
    await pathway.getByText('Sharing too much too soon.', { exact: false }).waitFor();
    assert.deepEqual(await accessibilityProblems(page), [], 'the group page with its pathway is accessible');

    await pathway.getByLabel('Find out what this group is').check();
    await pathway.getByText('1 of 5 steps done').waitFor();
    await step(pathway, 'Find out what this group is').getByText(/^Done on /).waitFor();
    await pathway.getByLabel('Find out what this group is').uncheck();
    await pathway.getByText('0 of 5 steps done').waitFor();
    await pathway.getByLabel('Find out what this group is').check();

    // The orientation session is a one-off meeting of the group.
    await pathway.getByRole('button', { name: 'Add an orientation session' }).click();
    const soon = new Date(Date.now() + 3 * 86_400_000);
    await pathway.getByLabel('Date of the session').fill(soon.toISOString().slice(0, 10));
    await pathway.getByLabel('Time of the session').fill('18:30');
    await pathway.getByRole('button', { name: 'Add the session' }).click();
    await pathway.getByText('Orientation session added', { exact: false }).waitFor();
    await page.getByText(/^Once, /).waitFor();

    // A weekly meeting that ended a while ago: recorded as attended, with a share.
    const start = new Date(Date.now() - 3 * 3_600_000);
    await page.getByRole('button', { name: 'Add a meeting time' }).click();
    await page.getByLabel('First meeting date').fill(`${start.getUTCFullYear()}-${pad(start.getUTCMonth() + 1)}-${pad(start.getUTCDate())}`);
    await page.getByLabel('Start time').fill(`${pad(start.getUTCHours())}:${pad(start.getUTCMinutes())}`);
    await page.getByLabel('Time zone').fill('UTC');
    await page.getByRole('button', { name: 'Save meeting time' }).click();
    await page.getByRole('button', { name: 'Record attendance' }).first().click();
    await page.getByLabel('I went, in person').check();
    await page.getByLabel('I shared').check();
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await pathway.getByText('3 of 5 steps done').waitFor();
    await step(pathway, 'Go to a first meeting').getByText(/^Done: you went on /).waitFor();
    await step(pathway, 'Take part, and share in your own words').getByText(/^Done: you shared on /).waitFor();
    assert.equal(await pathway.getByLabel('Go to a first meeting').isDisabled(), true, 'a step the record shows cannot be unticked by hand');

    // A reflection on the group, written in the journal.
    await page.getByRole('button', { name: 'Journal', exact: true }).click();
    await page.getByRole('button', { name: 'New entry' }).click();
    await page.getByLabel('Kind of entry').selectOption('reflection');
    await page.getByLabel('About a group (optional)').selectOption({ label: 'Thursday recovery' });
    await page.getByLabel('What is on your mind?').fill('I only listened, and that was enough.');
    await page.getByTestId('save-status').getByText('Saved').waitFor();
    await page.getByRole('button', { name: 'Back (Esc)' }).click();
    await page.getByRole('button', { name: 'Groups', exact: true }).click();
    await page.getByRole('button', { name: 'Thursday recovery' }).click();
    await pathway.getByText('4 of 5 steps done').waitFor();
    await step(pathway, 'Reflect, and ask for feedback').getByText(/^Done: you wrote a reflection on /).waitFor();
    assert.deepEqual(await accessibilityProblems(page), [], 'the pathway with ticked steps is accessible');

    // Someone long in a group ticks the rest at once; a done pathway folds to one line.
    await pathway.getByRole('button', { name: 'I already know my way here' }).click();
    await pathway.getByText('All five steps done. Welcome in.').waitFor();
    assert.equal(await pathway.getByRole('listitem').count(), 0, 'the done steps fold away');
    await pathway.getByRole('button', { name: 'Show the steps' }).click();
    await step(pathway, 'Learn how the group does things').getByText(/^Done on /).waitFor();
    assert.deepEqual(await accessibilityProblems(page), [], 'the done pathway, unfolded, is accessible');

    await pathway.getByRole('button', { name: 'Go to Buddies' }).click();
    await page.getByRole('heading', { name: 'Buddies', level: 1 }).waitFor();
    await context.close();
  });
});
