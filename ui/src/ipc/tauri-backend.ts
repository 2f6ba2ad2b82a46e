// The real backend: each method is one call to the generated bindings.
import { commands, events } from './bindings';
import type { Backend, Unlisten } from './backend';

export const tauriBackend: Backend = {
  vaultState: () => commands.vaultState(),
  vaultCreate: (request) => commands.vaultCreate(request),
  vaultUnlock: (request) => commands.vaultUnlock(request),
  vaultLock: () => commands.vaultLock(),
  vaultChangePassphrase: (passphrase) => commands.vaultChangePassphrase(passphrase),
  vaultAddProtector: (request) => commands.vaultAddProtector(request),
  vaultRemoveProtector: (kind) => commands.vaultRemoveProtector(kind),
  vaultRecover: (request) => commands.vaultRecover(request),
  vaultRegenerateRecoveryCode: () => commands.vaultRegenerateRecoveryCode(),
  onLockRequested: async (handler): Promise<Unlisten> => events.lockRequested.listen(() => handler()),
  onVaultLocked: async (handler): Promise<Unlisten> => events.vaultLocked.listen(() => handler()),
};
