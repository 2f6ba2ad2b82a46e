// The vault screens in a real browser against the mock backend: set-up, lock, unlock, a wrong
// passphrase, recovery, and an accessibility scan of each screen in light and dark themes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { accessibilityProblems, MOCK_PASSPHRASE, mockSuite, open, unlockMock } from './harness';

const suite = mockSuite();

async function assertAccessible(page: Page, screen: string): Promise<void> {
  const problems = await accessibilityProblems(page);
  assert.deepEqual(problems, [], `${screen} has no serious or critical accessibility problems`);
}

async function createPassphraseVault(page: Page): Promise<string> {
  await page.getByLabel('With a passphrase', { exact: false }).first().check();
  await page.getByLabel('Passphrase', { exact: true }).fill('a long enough passphrase');
  await page.getByLabel('Repeat the passphrase').fill('a long enough passphrase');
  await page.getByRole('button', { name: 'Create my vault' }).click();
  const code = (await page.getByTestId('recovery-code').textContent()) ?? '';
  return code.trim();
}

describe('first run, lock and unlock', () => {
  it('creates a passphrase vault, shows the recovery code once, locks and unlocks', async () => {
    const { context, page } = await open(suite.browser, suite.url);
    await page.getByRole('heading', { name: 'Welcome to Holdspace' }).waitFor();
    await page.getByRole('heading', { name: 'Your privacy, in plain words' }).waitFor();
    await page.getByText('There is no account and no cloud', { exact: false }).waitFor();
    await assertAccessible(page, 'the set-up screen');
    await page.getByRole('button', { name: 'Open the demo' }).click();
    await page.getByRole('status').filter({ hasText: 'The demo is opening in its own window.' }).waitFor();

    const code = await createPassphraseVault(page);
    assert.match(code, /^[A-Z0-9]{5}(-[A-Z0-9]{5}){4}$/, 'the recovery code is shown as five groups');
    await assertAccessible(page, 'the recovery code screen');
    const open_ = page.getByRole('button', { name: 'Open Holdspace' });
    assert.equal(await open_.isDisabled(), true, 'the user must confirm saving the code first');
    await page.getByLabel('I have written down my recovery code').check();
    await open_.click();

    // The first run asks which groups the user belongs to: a name and a kind each.
    await page.getByRole('heading', { name: 'Which groups do you belong to?' }).waitFor();
    await assertAccessible(page, 'the first-run groups question');
    await page.getByLabel('Name').fill('Tuesday circle');
    await page.getByLabel('Kind of group').selectOption('grief-loss');
    await page.getByRole('button', { name: 'Add another group' }).click();
    await page.getByLabel('Name').nth(1).fill('Carers online');
    await page.getByRole('button', { name: 'Save and open Holdspace' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.getByRole('button', { name: 'Groups', exact: true }).click();
    await page.getByRole('button', { name: 'Tuesday circle' }).waitFor();
    await page.getByRole('button', { name: 'Carers online' }).waitFor();
    await assertAccessible(page, 'the app frame');
    for (const area of ['Groups', 'Journal', 'Buddies', 'Reminders', 'Insights', 'Settings']) {
      await page.getByRole('button', { name: area, exact: true }).click();
      await page.getByRole('heading', { name: area, level: 1 }).waitFor();
    }
    await assertAccessible(page, 'the settings screen');
    const version = (await page.getByTestId('about-version').textContent()) ?? '';
    assert.match(version, /^Version \d+\.\d+\.\d+$/, 'About shows the version the app was built as');
    await page.getByRole('heading', { name: 'How to update', level: 3 }).waitFor();

    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
    assert.equal(await page.getByRole('navigation').count(), 0, 'a locked app shows nothing but the unlock screen');
    await assertAccessible(page, 'the unlock screen');

    await page.getByLabel('Passphrase', { exact: true }).fill('a long enough passphrase');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await context.close();
  });

  it('says so when the passphrase is wrong, and stays locked', async () => {
    const { context, page } = await open(suite.browser, `${suite.url}?mockPassphrase=the-right-one-123`);
    await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
    await page.getByLabel('Passphrase', { exact: true }).fill('not the right one');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByText('That passphrase or recovery code is not right').waitFor();
    assert.equal(await page.getByRole('navigation').count(), 0, 'still locked');
    await assertAccessible(page, 'the unlock screen with an error');
    await context.close();
  });

  it('recovers with the code and a new passphrase', async () => {
    const { context, page } = await open(suite.browser, `${suite.url}?mockPassphrase=forgotten-passphrase`);
    await page.getByRole('button', { name: 'I lost access' }).click();
    await page.getByRole('heading', { name: 'Get back in with your recovery code' }).waitFor();
    await assertAccessible(page, 'the recovery screen');
    await page.getByLabel('Recovery code').fill('abcde fgh12 34567 89jkm npqrs');
    await page.getByLabel('New passphrase').fill('my brand new passphrase');
    await page.getByLabel('Repeat the passphrase').fill('my brand new passphrase');
    await page.getByRole('button', { name: 'Recover my vault' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await context.close();
  });

  it('is accessible in the dark theme too', async () => {
    const { context, page } = await open(suite.browser, suite.url, 'dark');
    await page.getByRole('heading', { name: 'Welcome to Holdspace' }).waitFor();
    await assertAccessible(page, 'the set-up screen (dark)');
    await createPassphraseVault(page);
    await page.getByLabel('I have written down my recovery code').check();
    await page.getByRole('button', { name: 'Open Holdspace' }).click();
    await page.getByRole('heading', { name: 'Which groups do you belong to?' }).waitFor();
    await assertAccessible(page, 'the first-run groups question (dark)');
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await assertAccessible(page, 'the app frame (dark)');
    await context.close();
  });

  it('deletes everything only after the phrase is typed, and says so', async () => {
    const { context, page } = await open(suite.browser, `${suite.url}?mockPassphrase=${MOCK_PASSPHRASE}`);
    await unlockMock(page);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const erase = page.getByRole('button', { name: 'Delete everything' });
    assert.equal(await erase.isDisabled(), true, 'nothing can be deleted before the phrase is typed');
    const phrase = page.getByLabel('To confirm, type “delete everything”');
    await phrase.fill('delete');
    assert.equal(await erase.isDisabled(), true, 'a part of the phrase is not enough');
    await phrase.fill('delete everything');
    await assertAccessible(page, 'the delete-everything form, ready');
    await phrase.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Everything Holdspace kept on this computer is deleted' }).waitFor();
    assert.equal(await page.getByRole('alert').filter({ hasText: 'keyring' }).count(), 0, 'the keyring let go of the entry');
    await context.close();
  });

  it('offers screen-capture protection and says honestly where it has no effect', async () => {
    const { context, page } = await open(suite.browser, `${suite.url}?mockPassphrase=${MOCK_PASSPHRASE}`);
    await unlockMock(page);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const protect = page.getByLabel('Keep Holdspace out of screenshots and screen sharing');
    assert.equal(await protect.isChecked(), false, 'off unless chosen');
    const hint = await page.locator('#screen-capture-hint').textContent();
    assert.match(hint ?? '', /on Linux no desktop lets an app hide its window/, 'the page does not pretend on Linux');
    await protect.check();
    await page.getByRole('button', { name: 'Journal', exact: true }).click();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    assert.equal(await protect.isChecked(), true, 'the choice is kept');
    await context.close();
  });

  it('changes the encryption key with the passphrase and shows the new recovery code once', async () => {
    const { context, page } = await open(suite.browser, `${suite.url}?mockPassphrase=${MOCK_PASSPHRASE}`);
    await unlockMock(page);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Your passphrase').fill('not the passphrase');
    await page.getByRole('button', { name: 'Change the key' }).click();
    await page.getByText('That passphrase or recovery code is not right').waitFor();
    assert.equal(await page.getByTestId('rotated-recovery-code').count(), 0, 'a wrong passphrase changes nothing');
    await page.getByLabel('Your passphrase').fill(MOCK_PASSPHRASE);
    await page.getByRole('button', { name: 'Change the key' }).click();
    const code = (await page.getByTestId('rotated-recovery-code').textContent()) ?? '';
    assert.match(code, /^MOCK\d+-/, 'the new recovery code is shown');
    await assertAccessible(page, 'the new recovery code after a key change');
    await context.close();
  });
});

describe('the first run\'s groups', () => {
  it('saves a group typed before an idle lock, and lists it after unlocking', async () => {
    const { context, page } = await open(suite.browser, suite.url);
    await page.clock.install();
    await page.getByRole('heading', { name: 'Welcome to Holdspace' }).waitFor();
    await createPassphraseVault(page);
    await page.getByLabel('I have written down my recovery code').check();
    await page.getByRole('button', { name: 'Open Holdspace' }).click();
    await page.getByLabel('Name').fill('Tuesday circle');
    await page.clock.runFor(6 * 60_000);
    await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
    await page.getByLabel('Passphrase', { exact: true }).fill('a long enough passphrase');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByText('Already added: Tuesday circle.').waitFor();
    assert.equal(await page.getByLabel('Name').inputValue(), '', 'the saved group is not offered again, so it cannot be added twice');
    await context.close();
  });
});

describe('the demo', () => {
  it('says on every screen that it is the throw-away demo', async () => {
    const { context, page } = await open(suite.browser, `${suite.url}?mockDemo=1&mockPassphrase=${MOCK_PASSPHRASE}`);
    const banner = page.getByRole('banner').filter({ hasText: 'Demo: the groups, entries and buddies here are made up' });
    await banner.waitFor();
    await unlockMock(page);
    assert.equal(await banner.count(), 1, 'the banner stays once the demo is open');
    assert.deepEqual(await accessibilityProblems(page), [], 'the banner keeps the screen accessible');
    await context.close();
  });
});

describe('a vault that cannot be opened', () => {
  const damaged = (): string => `${suite.url}?mockDamaged=1`;

  it('says what is wrong in plain words, with what the core found beneath', async () => {
    const { context, page } = await open(suite.browser, damaged());
    await page.getByRole('heading', { name: 'Holdspace cannot open this vault' }).waitFor();
    assert.equal(
      (await page.getByRole('alert').textContent())?.trim(),
      'The vault files look damaged. Nothing was changed.',
      'the alert says what the person needs to know, not a file name',
    );
    await page.getByText('What Holdspace found: vault.json is not a valid vault description').waitFor();
    await assertAccessible(page, 'the cannot-open screen');
    await context.close();
  });

  it('says it in German to a German browser, keeping the core\'s words for whoever helps', async () => {
    const context = await suite.browser.newContext({ locale: 'de-DE', viewport: { width: 1100, height: 760 } });
    const page = await context.newPage();
    await page.goto(damaged());
    await page.getByRole('heading', { name: 'Holdspace kann diesen Tresor nicht öffnen' }).waitFor();
    assert.equal(
      (await page.getByRole('alert').textContent())?.trim(),
      'Die Dateien des Tresors scheinen beschädigt zu sein. Es wurde nichts verändert.',
      'the reason is in the language of the rest of the screen',
    );
    await page.getByText('Was Holdspace gefunden hat (auf Englisch): vault.json is not a valid vault description').waitFor();
    await context.close();
  });
});
