// What the UI knows of the vault, and the actions that change it. Holds no user text: the
// screens keep passphrases only in their own fields, cleared once used.
import type { AppError, Backend, Outcome, SessionState } from '../ipc/backend';
import { flushPendingSaves } from './pending-saves';

export class Session {
  state: SessionState | null = $state(null);
  /** Set once, right after set-up, until the user confirms they saved it. */
  recoveryCodeToShow: string | null = $state(null);
  /** Right after set-up: the first run asks which groups the user belongs to, once. */
  askForGroups = $state(false);
  /** After a lock in this run the keyring is not tried silently: the user asked to lock. */
  lockedThisRun = false;

  constructor(readonly backend: Backend) {}

  async refresh(): Promise<AppError | null> {
    return this.apply(await this.backend.vaultState());
  }

  /** Takes a state-returning outcome; returns the error, if any, for the screen to show. */
  apply(outcome: Outcome<SessionState>): AppError | null {
    if (outcome.status === 'error') {
      if (outcome.error.code === 'locked') void this.refresh();
      return outcome.error;
    }
    this.state = outcome.data;
    return null;
  }

  /** The lock handshake: save what is pending, then lock. */
  async lock(): Promise<void> {
    this.lockedThisRun = true;
    await flushPendingSaves();
    this.apply(await this.backend.vaultLock());
  }

  get phase(): SessionState['phase'] | 'loading' {
    return this.state?.phase ?? 'loading';
  }

  has(kind: 'keyring' | 'passphrase' | 'recovery-code'): boolean {
    return this.state?.status?.protectors.includes(kind) ?? false;
  }
}
