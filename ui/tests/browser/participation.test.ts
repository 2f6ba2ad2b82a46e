// Groups, schedules, the Today check-in, the calendar and insights in a real browser against
// the mock backend, with an accessibility scan of each new screen.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { accessibilityProblems, mockSuite, unlockMock } from './harness';

const suite = mockSuite();

async function assertAccessible(page: Page, screen: string): Promise<void> {
  assert.deepEqual(await accessibilityProblems(page), [], `${screen} has no serious or critical accessibility problems`);
}

const pad = (n: number): string => String(n).padStart(2, '0');

describe('participation', () => {
  it('adds a group and a weekly meeting, checks in from Today and sees the insights change', async () => {
    const context = await suite.browser.newContext({ timezoneId: 'UTC', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${suite.url}?mockPassphrase=the-right-one-123`);
    await unlockMock(page);
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    await assertAccessible(page, 'the empty Today screen');

    await page.getByRole('button', { name: 'Groups', exact: true }).click();
    await page.getByRole('button', { name: 'Add a group' }).click();
    await assertAccessible(page, 'the group form');
    await page.getByLabel('Name').fill('Tuesday circle');
    await page.getByLabel('Kind of group').selectOption('grief-loss');
    await page.getByRole('button', { name: 'Save group' }).click();
    await page.getByRole('heading', { name: 'Tuesday circle', level: 1 }).waitFor();

    // A weekly meeting that began three hours ago and lasted 90 minutes: it has just ended.
    const start = new Date(Date.now() - 3 * 3_600_000);
    await page.getByRole('button', { name: 'Add a meeting time' }).click();
    await page.getByLabel('First meeting date').fill(`${start.getUTCFullYear()}-${pad(start.getUTCMonth() + 1)}-${pad(start.getUTCDate())}`);
    await page.getByLabel('Start time').fill(`${pad(start.getUTCHours())}:${pad(start.getUTCMinutes())}`);
    await page.getByLabel('Time zone').fill('UTC');
    await page.getByLabel('Repeats').selectOption('weekly');
    await assertAccessible(page, 'the schedule form');
    await page.getByRole('button', { name: 'Save meeting time' }).click();
    await page.getByText('FREQ=WEEKLY', { exact: false }).waitFor();
    await assertAccessible(page, 'the group detail');
    await page.getByRole('button', { name: 'Edit norms' }).click();
    await page.getByLabel('Confidentiality').check();
    await page.getByLabel('Norms of our own, one per line').fill('We start on time');
    await page.getByRole('button', { name: 'Save norms' }).click();
    await page.getByText('We start on time').waitFor();

    await page.getByRole('button', { name: 'Today', exact: true }).click();
    await page.getByRole('heading', { name: 'How did it go?' }).waitFor();
    // The norms come before the next meeting in the app, never in a notification.
    const card = page.getByTestId('norms-card');
    await card.getByRole('heading', { name: 'How we meet in Tuesday circle' }).waitFor();
    assert.deepEqual(await card.getByRole('listitem').allTextContents(), ['Confidentiality', 'We start on time'], 'the card lists the chosen and the group\'s own norms');
    // Printing prints the card alone: the page is marked for the print stylesheet while it prints.
    await page.evaluate(() => {
      window.print = () => {
        document.body.dataset['printedNorms'] = String(document.body.classList.contains('printing-norms') && document.querySelector('.norms-card.printing') !== null);
        window.dispatchEvent(new Event('afterprint'));
      };
    });
    await card.getByRole('button', { name: 'Print the norms' }).click();
    assert.equal(await page.evaluate(() => document.body.dataset['printedNorms']), 'true', 'the card was marked for printing while the print ran');
    assert.equal(await page.evaluate(() => document.body.classList.contains('printing-norms')), false, 'the mark comes off after printing');
    assert.equal(await page.getByTestId('upcoming').count(), 2, 'next week\'s and the week after\'s meetings are coming up');
    await assertAccessible(page, 'Today with a check-in');
    await page.getByLabel('I went, in person').check();
    await page.getByLabel('Role I held').selectOption('greeter');
    await page.getByRole('group', { name: 'Mood before' }).getByLabel('2').check();
    await page.getByRole('group', { name: 'Mood after' }).getByLabel('4').check();
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page.getByText('Check-in saved.').waitFor();
    await assertAccessible(page, 'Today with the reflection offer');
    await page.getByRole('button', { name: 'Write a reflection' }).click();
    assert.equal(await page.getByLabel('Kind of entry').inputValue(), 'reflection', 'the editor opens on a reflection');
    await page.getByTestId('norms-card').getByText('We start on time').waitFor();
    await assertAccessible(page, 'a reflection with the norms card');
    assert.match(await page.getByLabel('What is on your mind?').inputValue(), /What did I hear that I want to keep\?/, 'the reflection starts with the after-a-meeting questions');
    await page.getByLabel('What is on your mind?').fill('Slow progress is still progress.');
    await page.getByTestId('save-status').getByText('Saved').waitFor();
    await page.getByRole('button', { name: 'Back (Esc)' }).click();

    await page.getByRole('button', { name: 'Calendar', exact: true }).click();
    await page.getByRole('heading', { name: /Week of/ }).waitFor();
    await assertAccessible(page, 'the calendar');

    await page.getByRole('button', { name: 'Insights', exact: true }).click();
    const rate = await page.getByTestId('attendance-rate').textContent();
    assert.match(rate ?? '', /100% \(1 of 1\)/, 'one meeting, attended');
    await page.getByRole('cell', { name: 'Attended' }).or(page.getByRole('columnheader', { name: 'Attended' })).first().waitFor();
    await page.locator('canvas').first().waitFor();
    await assertAccessible(page, 'the insights');
    await context.close();
  });
});

describe('group details, exceptions and the milestone', () => {
  it('edits norms and membership, skips and cancels meetings, records a past one, and keeps a milestone', async () => {
    const context = await suite.browser.newContext({ timezoneId: 'UTC', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${suite.url}?mockPassphrase=the-right-one-123`);
    await unlockMock(page);
    await page.getByRole('button', { name: 'Groups', exact: true }).click();
    await page.getByRole('button', { name: 'Add a group' }).click();
    await page.getByLabel('Name').fill('Carers evening');
    await page.getByRole('button', { name: 'Save group' }).click();
    await page.getByRole('heading', { name: 'Carers evening', level: 1 }).waitFor();

    // Weekly, starting three weeks ago: three past meetings and some to come.
    const start = new Date(Date.now() - 21 * 86_400_000 + 3_600_000);
    await page.getByRole('button', { name: 'Add a meeting time' }).click();
    await page.getByLabel('First meeting date').fill(start.toISOString().slice(0, 10));
    await page.getByLabel('Start time').fill(start.toISOString().slice(11, 16));
    await page.getByLabel('Time zone').fill('UTC');
    await page.getByRole('button', { name: 'Save meeting time' }).click();
    await page.getByRole('button', { name: 'Skip' }).first().waitFor();

    const upcomingBefore = await page.getByRole('button', { name: 'Skip' }).count();
    await page.getByRole('button', { name: 'Skip' }).first().click();
    await page.getByRole('button', { name: 'Mark cancelled' }).first().click();
    await page.getByText('Cancelled', { exact: true }).first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Skip' }).count(), upcomingBefore - 2, 'one skipped (gone), one cancelled (no actions left)');

    await page.getByRole('button', { name: 'Record attendance' }).first().click();
    await page.getByLabel('I went, online').check();
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page.getByText('I went, online').first().waitFor();

    await page.getByRole('button', { name: 'Edit norms' }).click();
    await page.getByLabel('No cross-talk').check();
    await page.getByLabel('Norms of our own, one per line').fill('We start on time');
    await page.getByRole('button', { name: 'Save norms' }).click();
    await page.getByText('We start on time').waitFor();

    await page.getByRole('button', { name: 'Edit details' }).click();
    await page.getByLabel('My role').selectOption('facilitator');
    await page.getByLabel('About this group').fill('For people caring for a parent.');
    await assertAccessible(page, 'the group details form');
    await page.getByRole('button', { name: 'Save group' }).click();
    await page.getByText('For people caring for a parent.').waitFor();
    await page.getByText(/Facilitator/).first().waitFor();

    // A facilitator's distraction-free view: the script follows the norms, the timer cues the end.
    await page.clock.install();
    await page.getByRole('button', { name: 'Facilitate a meeting' }).click();
    const view = page.getByRole('dialog', { name: /Facilitating/ });
    await view.getByRole('heading', { name: 'Sharing circle' }).waitFor();
    await view.getByText('We do not respond to, comment on or advise about each other\'s shares.').waitFor();
    assert.equal(await view.getByText('who we saw here and what we heard here stays here', { exact: false }).count(), 0, 'no confidentiality line where the group did not choose that norm');
    await view.getByText('We start on time').waitFor();
    await assertAccessible(page, 'the facilitator view');
    await view.getByLabel('Minutes per share').selectOption('2');
    await view.getByRole('button', { name: 'Start' }).click();
    await page.clock.runFor(100_000);
    assert.equal(await view.getByTestId('share-cue').textContent(), 'Time to gently bring this share to a close.', 'the last stretch of a share brings the gentle cue');
    await page.clock.runFor(25_000);
    assert.match((await view.getByTestId('share-cue').textContent()) ?? '', /Time is up/, 'then the end');
    assert.equal(await view.getByTestId('share-clock').textContent(), '0:00', 'the clock stops at zero');
    await view.getByRole('button', { name: 'Start' }).waitFor();
    await page.keyboard.press('Escape');
    assert.equal(await page.getByRole('dialog').count(), 0, 'Esc leaves the view');

    // The facilitator's own log: about them only; an empty entry is refused and nothing is lost.
    await page.getByRole('button', { name: 'Save to my log' }).click();
    await page.getByRole('alert').filter({ hasText: 'at least one' }).waitFor();
    await page.getByLabel('How it went for me').fill('Calm round; I kept time well.');
    await page.getByLabel('Self-care note').fill('A walk home the long way.');
    await page.getByRole('button', { name: 'Save to my log' }).click();
    await page.getByText('Saved to your log.').waitFor();
    const log = page.getByTestId('facilitation-log');
    await log.getByText('Calm round; I kept time well.').waitFor();
    await assertAccessible(page, 'the group detail with the facilitation log');
    await log.getByRole('button', { name: 'Delete entry' }).click();
    await log.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.getByText('Nothing in your log yet.').waitFor();

    await page.getByRole('button', { name: 'Record a change' }).click();
    await page.getByLabel('What changed').selectOption('paused');
    await page.getByRole('button', { name: 'Save change' }).click();
    await page.getByText(/^Paused /).waitFor();
    await assertAccessible(page, 'the group detail with exceptions, norms and membership');

    await page.getByRole('button', { name: 'Insights', exact: true }).click();
    await page.getByLabel('What it marks').fill('Sober since');
    await page.getByLabel('Since', { exact: true }).fill('2026-01-01');
    await page.getByRole('button', { name: 'Start counting' }).click();
    await page.getByTestId('milestone-days').waitFor();
    await page.getByRole('button', { name: 'Start again from a date' }).click();
    await page.getByRole('button', { name: 'Start again from a date' }).click();
    await page.getByRole('heading', { name: 'Earlier runs' }).waitFor();
    await page.getByLabel('Show').selectOption({ label: 'Carers evening' });
    await page.getByRole('button', { name: 'Update' }).click();
    await assertAccessible(page, 'the insights with a milestone');
    await context.close();
  });
});
