import { describe, expect, it } from 'vitest';
import { createMockBackend } from '../../src/ipc/mock-backend';
import { Session } from '../../src/lib/session.svelte';
import { describe as describeError } from '../../src/lib/errors';

describe('the session over a backend', () => {
  it('follows set-up, lock and unlock through the phases', async () => {
    const session = new Session(createMockBackend());
    await session.refresh();
    expect(session.phase, 'an empty folder starts at set-up').toBe('no_vault');
    const created = await session.backend.vaultCreate({ use_keyring: false, passphrase: 'long enough one' });
    expect(created.status).toBe('ok');
    await session.refresh();
    expect(session.phase).toBe('unlocked');
    await session.lock();
    expect(session.phase, 'lock goes through the handshake to locked').toBe('locked');
    const failure = session.apply(await session.backend.vaultUnlock({ method: 'passphrase', passphrase: 'wrong one!!' }));
    expect(failure?.code, 'a wrong passphrase is reported as such').toBe('wrong_passphrase');
    expect(session.phase, 'and the session stays locked').toBe('locked');
  });

  it('describes errors in words from the translations', () => {
    expect(describeError({ code: 'wrong_passphrase', message: 'core words' })).toMatch(/not right/);
    expect(describeError({ code: 'invalid_input', message: 'a passphrase needs at least 8 characters' }), 'input problems keep the specific rule').toMatch(/at least 8/);
  });
});
