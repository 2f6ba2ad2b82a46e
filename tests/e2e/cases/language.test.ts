// The real app in German: started with a German system locale, it shows its screens in German
// (the texts taken from de.json, so a translation change does not break the case), marks the
// page as German for screen readers, and a vault made in German opens in German.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { harness, saveScreenshot } from '../app';
import { button, byId, heading, labelled } from '../webdriver';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const de: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'ui', 'src', 'i18n', 'de.json'), 'utf8'));
const en: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'ui', 'src', 'i18n', 'en.json'), 'utf8'));
const german = (key: string): string => {
  const text = de[key];
  assert.ok(text !== undefined && text !== en[key], `de.json has a German text for ${key}`);
  return text;
};

test('with a German system locale the app speaks German from the first screen on', async () => {
  const app = await harness(4570, { LANG: 'de_DE.UTF-8', LANGUAGE: 'de', LC_ALL: 'de_DE.UTF-8' });
  try {
    const window = await app.launch();
    await window.find(heading(german('setup.title')), 30_000);
    assert.equal(await window.property('/html', 'lang'), 'de', 'screen readers are told the page is German');

    await window.click('//input[@name="method" and @value="passphrase"]');
    await window.type(byId('new-passphrase'), 'eine ruhige und lange Passphrase');
    await window.type(byId('repeat-passphrase'), 'eine ruhige und lange Passphrase');
    await window.click(button(german('setup.create')));
    await window.click(labelled(german('recovery.shown.confirm')));
    await window.click(button(german('recovery.shown.done')));

    await window.find(button(german('area.journal')));
    assert.equal(await window.count(button(en['area.journal'] ?? 'Journal')), 0, 'no English area name is left beside the German one');
    await saveScreenshot(window, 'german.png');
  } finally {
    await app.done();
  }
});
