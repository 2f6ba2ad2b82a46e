// Buddies through the real app: a .vcf imported through the file dialog flow (the e2e build's
// stand-in for the native dialog), the buddy edited, my card shown as a QR code with two
// fields unticked, saved as a .vcf that holds only the ticked fields, and the share log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { harness, openNewPassphraseVault } from '../app';
import { button, byId } from '../webdriver';

const PASSPHRASE = 'a calm and long passphrase';
const FIXTURE = resolve(import.meta.dirname, '..', '..', '..', 'crates', 'holdspace-core', 'tests', 'fixtures', 'vcard', 'v21_quoted_printable.vcf');
const share = (xpath: string): string => `//section[@aria-labelledby="share-title"]${xpath}`;

test('a buddy imported from a .vcf is edited, and my card is shared with only the ticked fields', async () => {
  const dialogs = mkdtempSync(join(tmpdir(), 'holdspace-dialogs-'));
  mkdirSync(dialogs, { recursive: true });
  const app = await harness(4504, { HOLDSPACE_E2E_DIALOG_DIR: dialogs });
  try {
    const window = await app.launch();
    await openNewPassphraseVault(window, PASSPHRASE);

    await window.click(button('Buddies'));
    await window.click(button('Import'));
    writeFileSync(join(dialogs, 'open'), FIXTURE);
    await window.click(button('Choose a .vcf file…'));
    await window.find('//legend[normalize-space()="Jürgen Müller-Lüdenscheid"]');
    assert.equal(await window.value('//input[@id="import-name-0"]'), 'Jürgen Müller-Lüdenscheid', 'quoted-printable UTF-8 decoded by the real core');
    await window.click(button('Import the chosen cards'));
    await window.find('//p[@role="status"][normalize-space()="1 contact(s) saved."]');

    await window.click(button('Contacts'));
    await window.click('//li[.//strong[normalize-space()="Jürgen Müller-Lüdenscheid"]]//button[normalize-space()="Edit"]');
    await window.click('//select[@id="contact-relation"]/option[normalize-space()="Mentor"]');
    await window.type(byId('contact-availability'), 'evenings');
    await window.click('//label[contains(normalize-space(), "OK to call any time")]/input');
    await window.click(button('Save contact'));
    await window.find('//li[.//strong[normalize-space()="Jürgen Müller-Lüdenscheid"]]//span[normalize-space()="Mentor"]');

    await window.click(button('My card'));
    await window.type(byId('card-name'), 'Robin');
    for (const [kind, value] of [['phone', '+49 151 1111111'], ['email', 'robin@example.org'], ['note', 'Text me first']] as const) {
      await window.click(`//select[@id="card-new-kind"]/option[@value="${kind}"]`);
      await window.click(button('Add a field'));
      const index = await window.count('//div[@class="card-field" or contains(@class, "card-field")]') - 1;
      await window.type(byId(`card-value-${index}`), value);
      await window.click(`//div[contains(@class, "card-field")][${index + 1}]//label[contains(., "Share by default")]/input`);
    }
    await window.click(button('Save my card'));
    await window.find('//p[@role="status"][normalize-space()="Your card is saved."]');

    // Two of the three ticked fields are unticked for this share.
    await window.click(share('//label[contains(., "E-mail:")]/input'));
    await window.click(share('//label[contains(., "Note:")]/input'));
    await window.type(byId('share-recipient-text'), 'the Thursday newcomer');
    await window.click(button('Show QR code'));
    const qr = await window.property('//img[@alt="QR code of your card"]', 'src');
    const svg = Buffer.from(qr.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString('utf8');
    assert.match(svg, /^<\?xml|<svg/, 'the real core drew an SVG QR code');

    await window.click(button('Save as .vcf'));
    await window.find('//p[@role="status"][normalize-space()="Saved. The share is in the log."]');
    const saved = readFileSync(join(dialogs, 'card.vcf'), 'utf8');
    assert.match(saved, /TEL;TYPE=cell:\+49 151 1111111|TEL;VALUE=text;TYPE=cell:\+49 151 1111111|\+49 151 1111111/, 'the ticked phone is on the card');
    assert.ok(!saved.includes('robin@example.org') && !saved.includes('Text me first'), 'unticked fields are not in the file');

    await window.click(button('Shared'));
    const rows = '//table[contains(@class, "share-log")]/tbody/tr';
    await window.find(rows);
    assert.equal(await window.count(rows), 2, 'the QR code and the file are both logged');
    const qrRow = await window.text(`${rows}[td[2][normalize-space()="QR code"]]`);
    assert.match(qrRow, /Phone \+49 151 1111111/, 'the log says which number was shared');
    assert.match(qrRow, /the Thursday newcomer/, 'and with whom');
    assert.ok(!qrRow.includes('robin@example.org'), 'the unticked e-mail was not shared');
    await window.close();
  } finally {
    await app.done();
  }
});
