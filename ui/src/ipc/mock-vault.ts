// The vault half of the in-memory stand-in for the shell (see mock-backend.ts).
import type { AppError, Backend, Outcome, Problem, ProtectorKind, SessionState, Unlisten } from './backend';
import { ERASE_CONFIRMATION } from './bindings';

interface MockVault {
  keyring: boolean;
  passphrase: string | null;
  recoveryCode: string;
  unlocked: boolean;
}

export const ok = <T>(data: T): Outcome<T> => ({ status: 'ok', data });
export const fail = <T>(code: AppError['code'], message: string): Outcome<T> => ({
  status: 'error',
  error: { code, message },
});

const canonical = (code: string): string =>
  code.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');

export interface MockOptions {
  /** Start with an existing locked vault protected by this passphrase. */
  existingPassphrase?: string;
  recoveryCode?: string;
  /** Start with this many numbered journal entries, an hour apart (for paging tests). */
  journalEntries?: number;
  /** Run as the throw-away demo (`holdspace --demo`). */
  demo?: boolean;
  /** The vault cannot be opened, for this reason (as the core reports it). */
  problem?: Problem;
}

export type VaultCommands = Pick<
  Backend,
  | 'vaultState'
  | 'vaultCreate'
  | 'vaultUnlock'
  | 'vaultLock'
  | 'vaultEraseEverything'
  | 'vaultRotateKey'
  | 'vaultChangePassphrase'
  | 'vaultAddProtector'
  | 'vaultRemoveProtector'
  | 'vaultRecover'
  | 'vaultRegenerateRecoveryCode'
  | 'onLockRequested'
  | 'onVaultLocked'
>;

export function mockVault(options: MockOptions = {}): { commands: VaultCommands; isUnlocked: () => boolean } {
  let vault: MockVault | null = options.existingPassphrase
    ? {
        keyring: false,
        passphrase: options.existingPassphrase,
        recoveryCode: options.recoveryCode ?? 'ABCDE-FGH12-34567-89JKM-NPQRS',
        unlocked: false,
      }
    : null;
  const lockedHandlers = new Set<() => void>();
  let codeCounter = 0;

  const protectors = (v: MockVault): ProtectorKind[] => {
    const kinds: ProtectorKind[] = [];
    if (v.keyring) kinds.push('keyring');
    if (v.passphrase !== null) kinds.push('passphrase');
    kinds.push('recovery-code');
    return kinds;
  };

  const state = (): SessionState => {
    if (options.problem) return { phase: 'unreadable', status: null, problem: options.problem };
    if (vault === null) return { phase: 'no_vault', status: null, problem: null };
    return {
      phase: vault.unlocked ? 'unlocked' : 'locked',
      problem: null,
      status: {
        vault_id: '00000000-0000-4000-8000-000000000000',
        schema_version: 1,
        protectors: protectors(vault),
        data_dir: '/mock',
        unlocked: vault.unlocked,
        unlocked_with: vault.unlocked ? (vault.keyring ? 'keyring' : 'passphrase') : null,
        needs_new_recovery_code: false,
      },
    };
  };

  const newCode = (): string => {
    codeCounter += 1;
    return `MOCK${codeCounter}-AAAAA-BBBBB-CCCCC-DDDDD`;
  };

  const tooShort = (p: string): boolean => [...p].length < 8;

  const withOpenVault = <T>(action: (v: MockVault) => Outcome<T>): Outcome<T> => {
    if (vault === null) return fail('not_found', 'No vault was found.');
    if (!vault.unlocked) return fail('locked', 'The vault is locked. Unlock it first.');
    return action(vault);
  };

  const commands: VaultCommands = {
    vaultState: async () => ok(state()),
    vaultCreate: async (request) => {
      if (vault !== null) return fail('conflict', 'A vault already exists.');
      if (!request.use_keyring && request.passphrase === null)
        return fail('invalid_input', 'A vault needs the keyring or a passphrase.');
      if (request.passphrase !== null && tooShort(request.passphrase))
        return fail('invalid_input', 'A passphrase needs at least 8 characters.');
      const recoveryCode = newCode();
      vault = { keyring: request.use_keyring, passphrase: request.passphrase, recoveryCode, unlocked: true };
      return ok({ recovery_code: recoveryCode, state: state() });
    },
    vaultUnlock: async (request) => {
      if (vault === null) return fail('not_found', 'No vault was found.');
      const v = vault;
      const right =
        (request.method === 'keyring' && v.keyring) ||
        (request.method === 'passphrase' && v.passphrase === request.passphrase) ||
        (request.method === 'recovery-code' && canonical(request.code) === canonical(v.recoveryCode));
      if (!right)
        return request.method === 'keyring'
          ? fail('keyring_unavailable', 'The system keyring is not available.')
          : fail('wrong_passphrase', 'That passphrase or recovery code does not unlock this vault.');
      v.unlocked = true;
      return ok(state());
    },
    vaultLock: async () => {
      if (vault !== null) vault.unlocked = false;
      lockedHandlers.forEach((h) => h());
      return ok(state());
    },
    vaultEraseEverything: async (confirmation) => {
      if (confirmation.trim() !== ERASE_CONFIRMATION)
        return fail('invalid_input', 'Type "delete everything" to confirm; nothing was deleted.');
      if (vault !== null && !vault.unlocked) return fail('locked', 'Holdspace is locked.');
      vault = null;
      return ok({ keyring_entry_left: false, left_behind: [] });
    },
    vaultRotateKey: async (passphrase) =>
      withOpenVault((v) => {
        if (v.passphrase !== null && passphrase !== v.passphrase)
          return fail('wrong_passphrase', 'That passphrase or recovery code does not unlock this vault.');
        v.recoveryCode = newCode();
        return ok({ recovery_code: v.recoveryCode, state: state() });
      }),
    vaultChangePassphrase: async (passphrase) =>
      withOpenVault((v) => {
        if (tooShort(passphrase)) return fail('invalid_input', 'A passphrase needs at least 8 characters.');
        v.passphrase = passphrase;
        return ok(state());
      }),
    vaultAddProtector: async (request) =>
      withOpenVault((v) => {
        if (request.kind === 'keyring') v.keyring = true;
        else if (tooShort(request.passphrase)) return fail('invalid_input', 'A passphrase needs at least 8 characters.');
        else v.passphrase = request.passphrase;
        return ok(state());
      }),
    vaultRemoveProtector: async (kind) =>
      withOpenVault((v) => {
        const remaining = kind === 'keyring' ? v.passphrase !== null : v.keyring;
        if (kind === 'recovery-code' || !remaining)
          return fail('invalid_input', 'The keyring or a passphrase must remain.');
        if (kind === 'keyring') v.keyring = false;
        else v.passphrase = null;
        return ok(state());
      }),
    vaultRecover: async (request) => {
      if (vault === null) return fail('not_found', 'No vault was found.');
      if (canonical(request.code) !== canonical(vault.recoveryCode))
        return fail('wrong_passphrase', 'That passphrase or recovery code does not unlock this vault.');
      const fresh = request.new_protector;
      if (fresh.kind === 'passphrase') {
        if (tooShort(fresh.passphrase)) return fail('invalid_input', 'A passphrase needs at least 8 characters.');
        vault.passphrase = fresh.passphrase;
      } else {
        vault.keyring = true;
      }
      vault.unlocked = true;
      return ok(state());
    },
    vaultRegenerateRecoveryCode: async () =>
      withOpenVault((v) => {
        v.recoveryCode = newCode();
        return ok(v.recoveryCode);
      }),
    onLockRequested: async (): Promise<Unlisten> => () => undefined,
    onVaultLocked: async (handler): Promise<Unlisten> => {
      lockedHandlers.add(handler);
      return () => lockedHandlers.delete(handler);
    },
  };
  return { commands, isUnlocked: () => vault?.unlocked ?? false };
}
