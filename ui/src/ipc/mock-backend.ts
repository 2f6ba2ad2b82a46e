// An in-memory stand-in for the shell, for browser tests and UI development. It follows the
// core's rules closely enough to exercise every screen (wrong passphrase, recovery, groups,
// attendance), but it stores nothing and encrypts nothing: it is never in the desktop build.
import type { Backend, Preferences } from './backend';
import { mockBuddies } from './mock-buddies';
import { mockFacilitation } from './mock-facilitation';
import { mockJournal } from './mock-journal';
import { mockParticipation } from './mock-participation';
import { mockPathway } from './mock-pathway';
import { mockReminders } from './mock-reminders';
import { mockSafekeeping } from './mock-safekeeping';
import { mockTemplates } from './mock-templates';
import { mockVault, ok, type MockOptions } from './mock-vault';
import { chooseLanguage } from '../i18n/language';

export type { MockOptions };

export function createMockBackend(options: MockOptions = {}): Backend {
  const vault = mockVault(options);
  const participation = mockParticipation(vault.isUnlocked);
  const journal = mockJournal(vault.isUnlocked, options.journalEntries ?? 0);
  const buddies = mockBuddies(vault.isUnlocked);
  let preferences: Preferences = {
    keep_in_tray: true,
    start_at_login: false,
    memory_security: false,
    memory_security_active: false,
    screen_capture_protection: false,
    // The mock stands in for Linux, where no desktop lets an app ask for it.
    screen_capture_protection_supported: false,
    language: null,
    // The mock stands in for a shell that finds the system's language as a browser does.
    system_language: chooseLanguage(typeof navigator === 'undefined' ? [] : navigator.languages),
  };
  return {
    ...vault.commands,
    ...participation,
    ...journal,
    ...mockTemplates(vault.isUnlocked),
    ...mockReminders(vault.isUnlocked, participation),
    ...buddies,
    ...mockFacilitation(vault.isUnlocked),
    ...mockPathway(vault.isUnlocked, participation, journal),
    ...mockSafekeeping(vault.isUnlocked, participation, buddies, journal, vault.commands),
    // A browser tab has no tray to close to, nor a login to start at.
    windowClose: async () => ok(false),
    windowFirstScreenPainted: async () => ok(null),
    // The desktop starts a second process; a browser tab has none to start.
    demoOpen: async () => ok(null),
    demoActive: async () => ok(options.demo ?? false),
    preferencesGet: async () => ok({ ...preferences }),
    preferencesSet: async (next) => {
      preferences = { ...next };
      return ok({ ...preferences });
    },
  };
}
