// The journal in a real browser against the mock backend: writing with autosave, search,
// editing, a lock in the middle of typing that loses nothing, the trash, Markdown shown safely,
// tags and filters, and a timeline that pages as it scrolls.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { accessibilityProblems, mockSuite, unlockMock } from './harness';

const suite = mockSuite();

async function assertAccessible(page: Page, screen: string): Promise<void> {
  assert.deepEqual(await accessibilityProblems(page), [], `${screen} has no serious or critical accessibility problems`);
}


describe('journal', () => {
  it('saves without a button, finds by search, and keeps text typed right before a lock', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${suite.url}?mockPassphrase=the-right-one-123`);
    await unlockMock(page);
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
    await unlockMock(page);
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

  it('shows Markdown as formatted text that can neither run code nor fetch anything', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const origin = new URL(suite.url).origin;
    const strayRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== origin) strayRequests.push(request.url());
    });
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    await page.goto(`${suite.url}?mockPassphrase=the-right-one-123`);
    await unlockMock(page);
    await page.getByRole('button', { name: 'Journal', exact: true }).click();
    await page.keyboard.press('Control+n');
    await page.getByLabel('What is on your mind?').fill(
      [
        '# Arriving',
        '**tired** but *hopeful*',
        '<img src="http://192.0.2.1/pixel.png" onerror="alert(1)">',
        '![tracker](http://192.0.2.1/tracker.png)',
        '[click me](javascript:alert(1))',
        '<script>alert(1)</script>',
      ].join('\n\n'),
    );
    await page.getByTestId('save-status').getByText('Saved').waitFor();
    await page.keyboard.press('Control+Shift+P');
    const preview = page.getByTestId('entry-preview');
    await preview.getByRole('heading', { name: 'Arriving' }).waitFor();
    assert.equal(await preview.locator('strong').textContent(), 'tired', 'Markdown emphasis is rendered');
    assert.equal(await preview.locator('img, script, a, iframe, svg, style, [onerror], [src], [href]').count(), 0, 'nothing that runs, loads or navigates reaches the page');
    assert.ok((await preview.textContent())?.includes('<script>alert(1)</script>'), 'raw HTML is shown as the text the user typed');
    await assertAccessible(page, 'the preview');
    await page.waitForTimeout(300);
    assert.deepEqual(strayRequests, [], 'an entry never makes the app contact another host');
    assert.equal(dialogs, 0, 'no script from an entry ran');

    await page.keyboard.press('Control+Shift+P');
    assert.ok((await page.getByLabel('What is on your mind?').inputValue()).startsWith('# Arriving'), 'leaving the preview returns to the text, unchanged');
    await context.close();
  });

  it('narrows a search by tag and mood, and pages the timeline as it scrolls', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${suite.url}?mockPassphrase=the-right-one-123&mockJournalEntries=75`);
    await unlockMock(page);
    await page.getByRole('button', { name: 'Journal', exact: true }).click();
    await page.getByText('Entry 75', { exact: true }).waitFor();
    assert.equal(await page.getByText(/^Entry \d+$/).count(), 30, 'the first page holds thirty entries');
    // Scrolling as a person does, with the wheel, until the oldest entry shows.
    for (let turn = 0; turn < 20 && (await page.getByText('Entry 1', { exact: true }).count()) === 0; turn++) {
      await page.mouse.wheel(0, 3000);
      await page.waitForTimeout(100);
    }
    assert.equal(await page.getByText(/^Entry \d+$/).count(), 75, 'scrolling to the end reached the first entry, each once');
    assert.equal(await page.getByRole('button', { name: 'Show older entries' }).count(), 0, 'nothing older is offered at the end');

    for (const [text, tags, mood] of [['Slept badly before group', 'sleep, Group', '2'], ['Slept well after group', 'sleep', '4']] as const) {
      await page.keyboard.press('Control+n');
      await page.getByLabel('What is on your mind?').fill(text);
      await page.getByLabel('Tags (optional)').fill(tags);
      await page.getByLabel('Feelings (optional)').fill('tired, hopeful');
      await page.getByRole('radio', { name: mood }).check();
      await page.getByTestId('save-status').getByText('Saved').waitFor();
      await page.keyboard.press('Escape');
    }
    await page.getByText('Slept well after group', { exact: true }).waitFor();
    await page.getByLabel('Search your journal').fill('slept');
    await page.getByRole('button', { name: /Slept badly/ }).waitFor();
    await page.getByText('Filters').click();
    await page.getByLabel('Tag').fill('GROUP');
    await page.getByRole('button', { name: /Slept well/ }).waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('button', { name: /Slept badly/ }).count(), 1, 'the tag filter keeps the entry tagged "group", in any case');
    await page.getByLabel('Tag').fill('');
    await page.getByLabel('Mood', { exact: true }).selectOption('4');
    await page.getByRole('button', { name: /Slept badly/ }).waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('button', { name: /Slept well/ }).count(), 1, 'the mood filter keeps only mood 4');
    await assertAccessible(page, 'the journal with filters open');

    await page.getByRole('button', { name: /Slept well/ }).click();
    assert.equal(await page.getByLabel('Tags (optional)').inputValue(), 'sleep', 'tags come back as they were saved');
    assert.equal(await page.getByLabel('Feelings (optional)').inputValue(), 'tired, hopeful', 'feelings come back as they were saved');
    await context.close();
  });

  it('lets the user reword, add, use, delete and reset journal templates', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${suite.url}?mockPassphrase=the-right-one-123`);
    await unlockMock(page);
    await page.getByRole('button', { name: 'Journal', exact: true }).click();
    await page.getByRole('button', { name: 'Templates', exact: true }).click();
    await page.getByRole('heading', { name: 'Journal templates' }).waitFor();
    await assertAccessible(page, 'the templates');

    await page.locator('#template-body-1').fill('### How did I sleep?\n\n');
    await page.getByRole('button', { name: 'Save “Daily check-in”' }).click();
    await page.getByText('Template saved.').waitFor();
    await page.getByLabel('Name').last().fill('Step work');
    await page.locator('#template-body-0').fill('### Which step am I on?\n\n');
    await page.getByRole('button', { name: 'Save “New template”' }).click();
    await page.getByRole('heading', { name: 'Step work' }).waitFor();

    await page.getByRole('button', { name: 'Back to the journal' }).click();
    await page.keyboard.press('Control+n');
    const body = page.getByLabel('What is on your mind?');
    await page.getByLabel('Start from a template').selectOption({ label: 'Daily check-in' });
    assert.equal(await body.inputValue(), '### How did I sleep?\n\n', 'the reworded questions start the entry');
    await body.press('End');
    await body.type('Badly.');
    await page.getByLabel('Start from a template').selectOption({ label: 'Step work' });
    assert.equal(await body.inputValue(), '### How did I sleep?\n\nBadly.\n\n### Which step am I on?\n\n', 'a second template goes below, nothing written is lost');
    await page.getByTestId('save-status').getByText('Saved').waitFor();
    await page.keyboard.press('Escape');
    await page.getByText('Badly.', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Templates', exact: true }).click();
    await page.getByRole('button', { name: 'Delete template' }).click();
    await page.getByText('Delete this template?', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Delete template' }).click();
    await page.getByRole('heading', { name: 'Step work' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Reset to the original wording' }).click();
    await page.getByText('Template reset.').waitFor();
    assert.match(await page.locator('#template-body-1').inputValue(), /How am I arriving today\?/, 'reset gives back the original question');
    assert.equal(await page.getByRole('button', { name: 'Reset to the original wording' }).count(), 0, 'nothing is left to reset');
    await context.close();
  });
});
