// The UI talks to this interface, never to `invoke`: the Tauri implementation calls the
// generated bindings, the mock keeps everything in memory for browser tests.
import type {
  AppError,
  CreateRequest,
  CreatedVault,
  NewProtectorRequest,
  ProtectorKind,
  RecoverRequest,
  SessionState,
  UnlockRequest,
} from './bindings';

export type {
  AppError,
  CreateRequest,
  CreatedVault,
  NewProtectorRequest,
  ProtectorKind,
  RecoverRequest,
  SessionState,
  UnlockRequest,
};

export type Outcome<T> = { status: 'ok'; data: T } | { status: 'error'; error: AppError };

export type Unlisten = () => void;

export interface Backend {
  vaultState(): Promise<Outcome<SessionState>>;
  vaultCreate(request: CreateRequest): Promise<Outcome<CreatedVault>>;
  vaultUnlock(request: UnlockRequest): Promise<Outcome<SessionState>>;
  vaultLock(): Promise<Outcome<SessionState>>;
  vaultChangePassphrase(passphrase: string): Promise<Outcome<SessionState>>;
  vaultAddProtector(request: NewProtectorRequest): Promise<Outcome<SessionState>>;
  vaultRemoveProtector(kind: ProtectorKind): Promise<Outcome<SessionState>>;
  vaultRecover(request: RecoverRequest): Promise<Outcome<SessionState>>;
  vaultRegenerateRecoveryCode(): Promise<Outcome<string>>;
  /** The shell asks for a lock (window closed, tray): save pending edits, then lock. */
  onLockRequested(handler: () => void): Promise<Unlisten>;
  /** The vault was locked by the shell: show the unlock screen. */
  onVaultLocked(handler: () => void): Promise<Unlisten>;
}
