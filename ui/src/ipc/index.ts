// The backend for this build: the desktop shell, or (in the `mock` build used by the browser
// tests) the in-memory stand-in. The mode is fixed at build time, so the desktop bundle
// contains no mock code.
import type { Backend } from './backend';
import { tauriBackend } from './tauri-backend';
import { createMockBackend } from './mock-backend';

export function chooseBackend(): Backend {
  if (import.meta.env.MODE === 'mock') {
    const params = new URLSearchParams(window.location.search);
    const existing = params.get('mockPassphrase');
    const entries = Number(params.get('mockJournalEntries') ?? '0');
    return createMockBackend({
      ...(existing === null ? {} : { existingPassphrase: existing }),
      journalEntries: Number.isInteger(entries) ? entries : 0,
      demo: params.get('mockDemo') === '1',
      // A vault the core refused to open, in the core's own (English) words.
      ...(params.get('mockDamaged') === '1'
        ? { problem: { code: 'vault_damaged' as const, message: 'vault.json is not a valid vault description' } }
        : {}),
    });
  }
  return tauriBackend;
}
