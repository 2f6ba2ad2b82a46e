// Edits waiting to be saved (a journal entry being typed, say) register a flush here. The lock
// handshake flushes them all through the normal save commands before the core locks, so a lock
// never loses a word; nothing is ever parked in web storage instead.
type Flush = () => Promise<void>;

const pending = new Set<Flush>();

export function registerPendingSave(flush: Flush): () => void {
  pending.add(flush);
  return () => pending.delete(flush);
}

/** Runs every registered flush, giving up after `limitMs` so a lock is never held hostage. */
export async function flushPendingSaves(limitMs = 500): Promise<void> {
  const all = Promise.allSettled([...pending].map((flush) => flush()));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, limitMs);
  });
  await Promise.race([all.then(() => undefined), limit]);
  clearTimeout(timer);
}
