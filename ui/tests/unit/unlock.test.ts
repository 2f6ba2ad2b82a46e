import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import Unlock from '../../src/features/vault/Unlock.svelte';
import { createMockBackend } from '../../src/ipc/mock-backend';
import { Session } from '../../src/lib/session.svelte';

describe('the unlock screen', () => {
  afterEach(cleanup);

  it('shows why a wrong passphrase failed and stays locked', async () => {
    const session = new Session(createMockBackend({ existingPassphrase: 'the right passphrase' }));
    await session.refresh();
    render(Unlock, { session, onLostAccess: () => undefined });
    const field = screen.getByLabelText('Passphrase');
    await fireEvent.input(field, { target: { value: 'a wrong passphrase' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByText(/not right/), 'the error is announced').toBeTruthy();
    expect(session.phase, 'a wrong passphrase keeps the vault locked').toBe('locked');
  });

  it('unlocks with the right passphrase and forgets it', async () => {
    const session = new Session(createMockBackend({ existingPassphrase: 'the right passphrase' }));
    await session.refresh();
    render(Unlock, { session, onLostAccess: () => undefined });
    const field = screen.getByLabelText('Passphrase') as HTMLInputElement;
    await fireEvent.input(field, { target: { value: 'the right passphrase' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(session.phase).toBe('unlocked');
    expect(field.value, 'the passphrase does not linger in the field').toBe('');
  });
});
