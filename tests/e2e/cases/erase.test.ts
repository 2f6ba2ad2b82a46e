// "Delete all my data" in the real app: a keyring vault with an entry, start at login turned
// on, then the typed confirmation. The app closes itself, and afterwards none of what it wrote
// remains: the data folder, the webview's data, the window state, the autostart entry, the
// keyring entry.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from '../app';
import { button, byId, heading, labelled } from '../webdriver';

const IDENTIFIER = 'app.holdspace.desktop';

async function waitFor(done: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.ok(done(), what);
}

const keyringEntries = (): string =>
  execFileSync('secret-tool', ['search', '--all', 'service', 'holdspace'], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();

test('deleting all my data leaves no file, no autostart entry and no keyring entry behind', async () => {
  const app = await harness(4534);
  const dataHome = process.env['XDG_DATA_HOME'] ?? join(app.home, '.local', 'share');
  const autostart = join(app.home, '.config', 'autostart');
  const traces = (): string[] =>
    [
      app.dataDir,
      join(dataHome, IDENTIFIER),
      join(app.home, '.config', IDENTIFIER),
      join(app.home, '.cache', IDENTIFIER),
      ...(existsSync(autostart) ? readdirSync(autostart).map((name) => join(autostart, name)) : []),
    ].filter((path) => existsSync(path));
  try {
    const window = await app.launch();
    await window.find(heading('Welcome to Holdspace'), 30_000);
    await window.click(button('Create my vault'));
    await window.click(labelled('I have written down my recovery code'));
    await window.click(button('Open Holdspace'));
    await window.click(button('Skip for now'));
    await window.find('//nav[@aria-label="Main"]');

    await window.click(button('Journal'));
    await window.find(heading('Journal'));
    await window.click(button('Reminders'));
    await window.find(heading('Reminders'));
    await window.click('//label[contains(., "Start Holdspace when I log in")]/input');
    await waitFor(() => existsSync(autostart) && readdirSync(autostart).length === 1, 'the autostart entry is written');
    assert.match(keyringEntries(), /holdspace/, 'the vault key is in the keyring');
    const before = traces();
    console.log('before:', before.map((p) => p.replace(app.home, '~').replace(dataHome, '$XDG_DATA_HOME')).join(', '));
    assert.ok(before.includes(app.dataDir), 'the vault folder exists before');
    assert.ok(before.includes(join(dataHome, IDENTIFIER)), 'so does the webview data folder');

    await window.click(button('Settings'));
    await window.find(heading('Settings'));
    const erase = button('Delete everything');
    assert.equal(await window.count(`${erase}[@disabled]`), 1, 'nothing is deleted before the phrase is typed');
    await window.type(byId('erase-confirmation'), 'delete everything');
    await window.click(erase);
    await window.find('//*[@role="status" and contains(., "is deleted")]');
    await waitFor(() => traces().length === 0, `nothing remains after the app closed: ${traces().join(', ')}`, 20_000);
    // The exit path writes last (the window state, the webview): still nothing a moment later.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    assert.deepEqual(traces(), [], 'nothing written back on the way out');
    assert.equal(keyringEntries().trim(), '', 'no keyring entry of Holdspace remains');
  } finally {
    await app.done();
  }
});
