// What Holdspace puts on the clipboard (a card's text to paste into a message) is remembered,
// so hiding the app can take it off again: a shared screen or the next app pasted into must
// not find it there.
let ours: string | null = null;

export async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
  ours = text;
}

/** Empties the clipboard if it still holds what Holdspace put there (or if it cannot tell). */
export async function clearOwnClipboard(): Promise<void> {
  if (ours === null) return;
  let current: string | null = null;
  try {
    current = await navigator.clipboard.readText();
  } catch {
    current = null;
  }
  if (current === null || current === ours) {
    try {
      await navigator.clipboard.writeText('');
    } catch {
      // Nothing more can be done from here; the text is still ours to forget.
    }
  }
  ours = null;
}

/** Quick hide: the clipboard first, then the lock handshake, then the window to the tray. */
export async function quickHide(lock: () => Promise<void>, closeWindow: () => Promise<unknown>): Promise<void> {
  await clearOwnClipboard();
  await lock();
  await closeWindow();
}
