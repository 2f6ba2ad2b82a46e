import { describe, expect, it } from 'vitest';
import { flushPendingSaves, registerPendingSave } from '../../src/lib/pending-saves';

describe('pending saves before a lock', () => {
  it('waits for every registered save to finish', async () => {
    const saved: string[] = [];
    const stop = registerPendingSave(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      saved.push('entry');
    });
    await flushPendingSaves();
    stop();
    expect(saved, 'the lock must wait for the save').toEqual(['entry']);
  });

  it('gives up on a save that hangs, so the vault still locks', async () => {
    const stop = registerPendingSave(() => new Promise(() => undefined));
    const started = Date.now();
    await flushPendingSaves(50);
    stop();
    expect(Date.now() - started, 'the limit bounds the wait').toBeLessThan(1000);
  });
});
