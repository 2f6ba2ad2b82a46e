// Markup the person types is text, never code: a journal entry (in the list, the editor and the
// Markdown preview) and a contact name (in the list, the share log and Support now) holding an
// <img onerror> and a <script> render as the characters typed, and no script runs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MOCK_PASSPHRASE, mockSuite, unlockMock } from './harness';

const suite = mockSuite();

const ATTACK = `<img src=x onerror="window.__pwned = (window.__pwned || 0) + 1"><script>window.__pwned = (window.__pwned || 0) + 1</script>`;

describe('markup typed by the person', () => {
  it('renders as text in the journal and in contacts, and no script runs', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${suite.url}?mockPassphrase=${MOCK_PASSPHRASE}`);
    await unlockMock(page);

    await page.getByRole('button', { name: 'Journal', exact: true }).click();
    await page.keyboard.press('Control+n');
    await page.getByLabel('What is on your mind?').fill(`Markup test ${ATTACK}`);
    await page.getByTestId('save-status').getByText('Saved').waitFor();
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByTestId('entry-preview').waitFor();
    await page.keyboard.press('Escape');
    await page.getByText('Markup test', { exact: false }).first().waitFor();

    await page.getByRole('button', { name: 'Buddies', exact: true }).click();
    await page.getByRole('button', { name: 'Add a contact' }).click();
    await page.getByLabel('Name or alias').fill(ATTACK);
    await page.getByRole('group', { name: 'Phone numbers' }).getByRole('button', { name: 'Add another' }).click();
    await page.locator('#contact-phone-value-0').fill('+49 170 1234567');
    await page.getByLabel('They said it is OK to call any time').check();
    await page.getByRole('button', { name: 'Save contact' }).click();
    const listed = page.getByRole('list', { name: 'Contacts' }).getByRole('listitem').first();
    await listed.waitFor();
    assert.ok(((await listed.textContent()) ?? '').includes('<script>'), 'the name shows as the characters typed');
    await page.getByRole('button', { name: 'Support now' }).click();
    await page.getByRole('complementary', { name: 'Support now' }).getByRole('strong').getByText('<img src=x', { exact: false }).waitFor();

    const ran = await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? 0);
    assert.equal(ran, 0, 'no script the person typed may run');
    assert.deepEqual(dialogs, []);
    assert.equal(await page.locator('main img[src="x"], aside img[src="x"]').count(), 0, 'no element was made from the text');
    await context.close();
  });
});
