// The journal in a real browser against the mock backend: writing with autosave, search,
// editing, a lock in the middle of typing that loses nothing, and the trash.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { accessibilityProblems, launch, serveMockBuild } from './harness';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

before(async () => {
  server = await serveMockBuild();
  browser = await launch();
});

after(async () => {
  await browser.close();
  await server.close();
});

async function assertAccessible(page: Page, screen: string): Promise<void> {
  assert.deepEqual(await accessibilityProblems(page), [], `${screen} has no serious or critical accessibility problems`);
}

async function unlock(page: Page): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill('the-right-one-123');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

describe('journal', () => {
  it('saves without a button, finds by search, and keeps text typed right before a lock', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}?mockPassphrase=the-right-one-123`);
    await unlock(page);
    await page.getByRole('button', { name: 'Journal', exact: true }).click();
    await page.getByText('Nothing written yet', { exact: false }).waitFor();
    await assertAccessible(page, 'the empty journal');

    await page.keyboard.press('Control+n');
    await page.getByLabel('What is on your mind?').fill('Arrived tired but the café was calm.');
    await page.getByTestId('save-status').getByText('Saved').waitFor();
    await assertAccessible(page, 'the editor');
    await page.keyboard.press('Escape');

    await page.getByLabel('Search your journal').fill('cafe');
    await page.getByRole('button', { name: /Check-in/ }).first().click();
    const body = page.getByLabel('What is on your mind?');
    assert.equal(await body.inputValue(), 'Arrived tired but the café was calm.', 'the search result opens the entry');

    // Typing, then locking at once: the pending edit is saved through the normal command.
    await body.press('End');
    await body.type(' Then I called my buddy.');
    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
    await unlock(page);
    await page.getByRole('button', { name: 'Journal', exact: true }).click();
    await page.getByText('Then I called my buddy.', { exact: false }).waitFor();

    await page.getByRole('button', { name: /Check-in/ }).first().click();
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('button', { name: 'Trash', exact: true }).click();
    await page.getByRole('button', { name: 'Restore' }).waitFor();
    await assertAccessible(page, 'the trash');
    await page.getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('button', { name: 'Back to the journal' }).click();
    await page.getByText('Then I called my buddy.', { exact: false }).waitFor();
    await context.close();
  });
});
