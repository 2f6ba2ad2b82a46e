// The real backend: the generated command bindings, plus the lock handshake's events.
import { commands, events } from './bindings';
import type { Backend, Unlisten } from './backend';

export const tauriBackend: Backend = {
  ...commands,
  onLockRequested: async (handler): Promise<Unlisten> => events.lockRequested.listen((event) => handler(event.payload.reason)),
  onVaultLocked: async (handler): Promise<Unlisten> => events.vaultLocked.listen(() => handler()),
};
