// Buddies in a real browser against the mock backend: a contact refused on bad input and then
// saved, filters, my card shared with a field unticked (QR code and text), presets, import with
// a likely duplicate, the share log, and Support now from any screen. Axe scans each screen.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { accessibilityProblems, MOCK_PASSPHRASE, mockSuite, unlockMock } from './harness';

const suite = mockSuite();

async function openBuddies(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await suite.browser.newContext({ colorScheme, viewport: { width: 1100, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto(`${suite.url}?mockPassphrase=${MOCK_PASSPHRASE}`);
  await unlockMock(page);
  await page.getByRole('button', { name: 'Buddies', exact: true }).click();
  await page.getByRole('heading', { name: 'Buddies', level: 1 }).waitFor();
  return page;
}

describe('buddies', () => {
  it('refuses a bad address without adding anyone, then saves and filters contacts', async () => {
    const page = await openBuddies();
    await page.getByText('No contacts yet.', { exact: false }).waitFor();
    assert.deepEqual(await accessibilityProblems(page), [], 'the empty Buddies screen is accessible');

    await page.getByRole('button', { name: 'Add a contact' }).click();
    await page.getByLabel('Name or alias').fill('Sam');
    await page.getByLabel('Pronouns').fill('they/them');
    await page.getByLabel('Relation', { exact: true }).selectOption('mentor');
    await page.getByRole('group', { name: 'E-mail addresses' }).getByRole('button', { name: 'Add another' }).click();
    await page.locator('#contact-email-value-0').fill('not an address');
    assert.deepEqual(await accessibilityProblems(page), [], 'the contact form is accessible');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await page.getByRole('alert').getByText('expected name@example.org', { exact: false }).waitFor();
    await page.locator('#contact-email-value-0').fill('sam@example.org');
    await page.getByRole('group', { name: 'Phone numbers' }).getByRole('button', { name: 'Add another' }).click();
    await page.locator('#contact-phone-label-0').fill('mobile');
    await page.locator('#contact-phone-value-0').fill('+49 170 1234567');
    await page.getByLabel('They said it is OK to call any time').check();
    await page.getByRole('button', { name: 'Save contact' }).click();

    const list = page.getByRole('list', { name: 'Contacts' }).getByRole('listitem');
    await list.first().waitFor();
    assert.equal(await list.count(), 1, 'one contact: the refused save added nothing');
    assert.match((await list.first().textContent()) ?? '', /Sam.*Mentor/s);

    await page.getByLabel('Relation', { exact: true }).selectOption('sponsor');
    await page.getByText('No contact matches.').waitFor();
    await page.getByLabel('Relation', { exact: true }).selectOption('');
    await page.getByLabel('Search contacts').fill('1234567');
    await list.first().waitFor();
    assert.equal(await list.count(), 1, 'found by a part of the number');
    await page.context().close();
  });

  it('shares my card with only the ticked fields, as a QR code and as text, and logs each share', async () => {
    const page = await openBuddies();
    await page.getByRole('button', { name: 'My card', exact: true }).click();
    await page.getByLabel('Your name or alias').fill('Robin');
    for (const [kind, value] of [['phone', '+49 151 1111111'], ['email', 'robin@example.org']] as const) {
      await page.getByLabel('Kind', { exact: true }).selectOption(kind);
      await page.getByRole('button', { name: 'Add a field' }).click();
      const row = page.locator('.card-field').last();
      await row.getByLabel('Value').fill(value);
      await row.getByLabel('Share by default').check();
    }
    await page.locator('.card-field').first().getByLabel('Label').fill('mobile');
    assert.equal(await page.getByRole('region', { name: 'Share my card' }).count(), 0, 'no sharing from an unsaved card');
    await page.getByRole('button', { name: 'Save my card' }).click();
    await page.getByText('Your card is saved.').waitFor();

    const panel = page.getByRole('region', { name: 'Share my card' });
    await panel.getByLabel('E-mail: robin@example.org').uncheck();
    await panel.getByRole('button', { name: 'Show QR code' }).click();
    await page.getByRole('img', { name: 'QR code of your card' }).waitFor();
    assert.deepEqual(await accessibilityProblems(page), [], 'My card with a QR code is accessible');

    await panel.getByRole('button', { name: 'Show text to copy' }).click();
    const text = await page.getByLabel('Your card as text').inputValue();
    assert.equal(text, 'Name: Robin\nPhone (mobile): +49 151 1111111\n', 'the unticked e-mail is not in the text');
    await panel.getByRole('button', { name: 'Copy', exact: true }).click();
    await page.getByText('Copied.').waitFor();

    await page.getByLabel('New preset name').fill('close buddy');
    await page.getByRole('button', { name: 'Add preset from the ticked fields' }).click();
    await page.getByRole('group', { name: 'Fields in “close buddy”' }).waitFor();

    await page.getByRole('button', { name: 'Shared', exact: true }).click();
    const rows = page.locator('table.share-log tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 2, 'the QR code and the text are both logged');
    assert.doesNotMatch((await rows.allTextContents()).join(' '), /robin@example\.org/, 'the log shows the e-mail was never shared');
    assert.deepEqual(await accessibilityProblems(page), [], 'the share log is accessible');

    // Quick hide: locked at once, and the card's text is no longer on the clipboard.
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Name: Robin\nPhone (mobile): +49 151 1111111\n');
    await page.getByRole('button', { name: 'Hide now' }).click();
    await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '', 'what Holdspace copied is gone');
    await page.context().close();
  });

  it('imports a card with a likely duplicate, merging only the ticked fields', async () => {
    const page = await openBuddies('dark');
    await page.getByRole('button', { name: 'Add a contact' }).click();
    await page.getByLabel('Name or alias').fill('Jürgen');
    await page.getByRole('group', { name: 'Phone numbers' }).getByRole('button', { name: 'Add another' }).click();
    await page.locator('#contact-phone-value-0').fill('0170 1234567');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await page.getByRole('list', { name: 'Contacts' }).getByRole('listitem').first().waitFor();

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('button', { name: 'Choose a .vcf file…' }).click();
    await page.getByText('This looks like Jürgen, whom you already have.').waitFor();
    assert.ok(await page.getByLabel('Merge into Jürgen').isChecked(), 'merging is proposed for a likely duplicate');
    await page.getByLabel('Phone: home: 030 7654321').uncheck();
    assert.deepEqual(await accessibilityProblems(page), [], 'the import preview is accessible in the dark theme');
    await page.getByRole('button', { name: 'Import the chosen cards' }).click();
    await page.getByText('1 contact(s) saved.').waitFor();

    await page.getByRole('button', { name: 'Contacts', exact: true }).click();
    const list = page.getByRole('list', { name: 'Contacts' }).getByRole('listitem');
    assert.equal(await list.count(), 1, 'merged, not added twice');
    await list.first().getByRole('button', { name: 'Edit' }).click();
    assert.equal(await page.locator('#contact-email-value-0').inputValue(), 'juergen@example.org', 'the new address was merged in');
    assert.equal(await page.locator('#contact-phone-value-1').count(), 0, 'the unticked home number was not');
    await page.context().close();
  });

  it('opens Support now from any screen with the people who may be called any time', async () => {
    const page = await openBuddies();
    await page.getByRole('button', { name: 'Add a contact' }).click();
    await page.getByLabel('Name or alias').fill('Alex');
    await page.getByRole('group', { name: 'Phone numbers' }).getByRole('button', { name: 'Add another' }).click();
    await page.locator('#contact-phone-value-0').fill('+44 20 7946 0000');
    await page.getByLabel('They said it is OK to call any time').check();
    await page.getByRole('button', { name: 'Save contact' }).click();
    await page.getByRole('list', { name: 'Contacts' }).getByRole('listitem').first().waitFor();

    await page.getByRole('button', { name: 'Journal', exact: true }).click();
    await page.getByRole('button', { name: 'Support now' }).click();
    const panel = page.getByRole('complementary', { name: 'Support now' });
    await panel.getByRole('button', { name: /^Call Alex/ }).waitFor();
    await panel.getByRole('button', { name: 'Edit line' }).click();
    await panel.getByLabel('Name', { exact: true }).fill('My night line');
    await panel.getByLabel('Phone number').fill('not a number');
    await panel.getByRole('button', { name: 'Save line' }).click();
    await panel.getByRole('alert').getByText('digits', { exact: false }).waitFor();
    await panel.getByLabel('Phone number').fill('0800 111 0 111');
    await panel.getByRole('button', { name: 'Save line' }).click();
    await panel.getByRole('button', { name: 'Call My night line' }).waitFor();
    assert.deepEqual(await accessibilityProblems(page), [], 'the Support now panel is accessible');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await page.context().close();
  });
});
