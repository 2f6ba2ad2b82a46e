// The demo through the real app: `holdspace --demo` opens straight into a throw-away vault of
// made-up groups, meetings, entries and buddies, says so on every screen, never touches the
// person's own data folder, and leaves nothing behind once its window is closed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { harness, saveScreenshot } from '../app';
import { button, heading } from '../webdriver';
import { wording } from '../walk';

test('the demo opens unlocked on sample data, says it is a demo, and is gone once closed', async () => {
  const temp = mkdtempSync(join(tmpdir(), 'holdspace-e2e-demo-'));
  const app = await harness(4600, { TMPDIR: temp });
  try {
    const window = await app.launch(['--demo']);
    await window.find('//header//p[starts-with(normalize-space(), "Demo: the groups, entries and buddies here are made up")]', 30_000);
    await window.find('//nav[@aria-label="Main"]');
    const demoFolders = readdirSync(temp).filter((name) => name.startsWith('holdspace-demo-'));
    assert.equal(demoFolders.length, 1, 'the demo keeps its vault in a new temporary folder of its own');

    await window.click(button('Groups'));
    await window.click('//button[span[normalize-space()="Living Well with Chronic Pain"]]');
    await window.find(heading('Living Well with Chronic Pain'));
    await window.find(button('Facilitate a meeting'));
    await window.click(button('Journal'));
    await window.find('//button[contains(@class, "card-button")]');
    assert.ok((await window.count('//button[contains(@class, "card-button")]')) >= 10, 'the journal holds the sample entries');
    await window.click(button('Buddies'));
    await window.find('//*[normalize-space()="Priya"]');
    await saveScreenshot(window, 'demo.png');
    // Nothing of the demo lands where the person's Holdspace keeps things: not the vault's
    // folder, not the app's data folder (where a webview keeps its storage by default), not
    // its config folder (where the window state goes).
    const personal = [app.dataDir, join(process.env['XDG_DATA_HOME'] ?? join(app.home, '.local', 'share'), 'app.holdspace.desktop'), join(app.home, '.config', 'app.holdspace.desktop')];
    assert.deepEqual(personal.filter((path) => existsSync(path)), [], "the demo wrote nothing into the person's own folders");

    // Closed as a person closes it (Ctrl+W, as the window's close button): the app quits
    // instead of waiting in the tray, and takes its folder with it.
    // The driver may report an error: the window it typed into is gone before it answers.
    await window.ctrl('w').catch(() => undefined);
    const deadline = Date.now() + 15_000;
    while (existsSync(join(temp, demoFolders[0] ?? '')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    assert.deepEqual(readdirSync(temp).filter((name) => name.startsWith('holdspace-demo-')), [], 'closing the demo removed its folder');
  } finally {
    await app.done();
  }
});

test('the demo opened from a German Holdspace speaks German, its sample data too', async () => {
  const temp = mkdtempSync(join(tmpdir(), 'holdspace-e2e-demo-'));
  const app = await harness(4610, { TMPDIR: temp });
  try {
    const window = await app.launch(['--demo', '--demo-language=de']);
    const say = wording('de');
    await window.find(`//header//p[normalize-space()="${say('demo.banner')}"]`, 30_000);
    await window.click(button(say('area.groups')));
    await window.click('//button[span[normalize-space()="Gut leben mit chronischen Schmerzen"]]');
    await window.find(button(say('facilitate.open')));
    assert.equal(await window.property('/html', 'lang'), 'de', 'the demo marks its page German');
  } finally {
    await app.done();
  }
});
