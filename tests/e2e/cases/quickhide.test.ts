// Quick hide from anywhere: the global shortcut (Ctrl+Alt+H, pressed on the X display as a
// person would, not sent to the window) hides the window and locks the vault at once.
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, openNewPassphraseVault } from '../app';
import { heading } from '../webdriver';

/** Ids of the app's windows that are mapped (visible) on the X display. */
function visibleWindows(): string[] {
  try {
    return execFileSync('xdotool', ['search', '--onlyvisible', '--name', '^Holdspace$']).toString().trim().split('\n').filter(Boolean);
  } catch {
    return []; // xdotool exits 1 when nothing matches
  }
}

async function waitFor(done: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.ok(done(), what);
}

test('the global shortcut hides every window and locks the vault', async () => {
  const app = await harness(4544);
  try {
    const window = await app.launch();
    await openNewPassphraseVault(window, 'a calm and long passphrase');
    await window.find('//nav[@aria-label="Main"]');
    await waitFor(() => visibleWindows().length > 0, 'the window is on screen');

    execFileSync('xdotool', ['key', '--clearmodifiers', 'ctrl+alt+h']);
    await waitFor(() => visibleWindows().length === 0, 'no window of Holdspace is on screen after the shortcut');
    await window.find(heading('Welcome back'), 5_000);
    assert.equal(await window.count('//nav'), 0, 'locked: the hidden window holds only the unlock screen');
  } finally {
    await app.done();
  }
});
