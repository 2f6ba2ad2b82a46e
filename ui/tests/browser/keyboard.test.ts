// The first run and a group's pathway from the keyboard alone: every control is reached with
// Tab and used with Enter or Space, and focus goes where the person is working (into the
// orientation form when it opens, back to its button when it closes).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { mockSuite, open } from './harness';

const suite = mockSuite();

/** The focused element's name as a person hears it: its label, or its own text. */
const focusedName = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '';
    const byFor = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    return (el.getAttribute('aria-label') ?? byFor ?? el.closest('label')?.textContent ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
  });

/** Presses Tab until the control named `name` has focus; fails if Tab never reaches it. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let presses = 0; presses < 80; presses += 1) {
    await page.keyboard.press('Tab');
    if ((await focusedName(page)) === name) return;
  }
  assert.fail(`"${name}" cannot be reached with the Tab key`);
}

describe('keyboard only', () => {
  it('sets up a vault, names a group and walks its pathway without a pointer', async () => {
    const { context, page } = await open(suite.browser, suite.url);
    await page.getByRole('heading', { name: 'Welcome to Holdspace' }).waitFor();
    await tabTo(page, 'Create my vault');
    await page.keyboard.press('Enter');
    await page.getByTestId('recovery-code').waitFor();
    await tabTo(page, 'I have written down my recovery code');
    await page.keyboard.press('Space');
    await tabTo(page, 'Open Holdspace');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Which groups do you belong to?' }).waitFor();
    await tabTo(page, 'Name');
    await page.keyboard.type('Tuesday circle');
    await tabTo(page, 'Save and open Holdspace');
    await page.keyboard.press('Enter');

    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await tabTo(page, 'Groups');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Groups', level: 1 }).waitFor();
    await tabTo(page, 'Tuesday circle Mental health · Member');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Tuesday circle', level: 1 }).waitFor();

    await tabTo(page, 'Find out what this group is');
    await page.keyboard.press('Space');
    await page.getByText('1 of 5 steps done').waitFor();

    await tabTo(page, 'Add an orientation session');
    await page.keyboard.press('Enter');
    await page.getByLabel('Date of the session').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'orientation-date', 'opening the form puts focus in its first field');
    await tabTo(page, 'Cancel');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Add an orientation session' }).waitFor();
    assert.equal(await focusedName(page), 'Add an orientation session', 'closing the form returns focus to the button that opened it');
    await context.close();
  });
});
