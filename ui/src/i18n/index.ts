// Every string the UI shows comes from a translation file; a lint fails on literal UI text,
// and a test fails when the files' keys or placeholders differ.
import en from './en.json';
import { chooseLanguage, type Language } from './language';

export type MessageKey = keyof typeof en;
export type { Language };

/** The system's preferred language decides (as it does for dates: Intl follows it too) unless
 *  the person chose one in Settings. */
let language: Language = chooseLanguage(typeof navigator === 'undefined' ? [] : navigator.languages);
let messages: Record<MessageKey, string> = en;
/** The language dates follow when it is not the browser's own: one chosen in Settings, or the
 *  system's as the shell found it where the browser reports another. */
let dateLanguage: Language | null = null;

export function currentLanguage(): Language {
  return language;
}

/** The locale for dates and times: the browser's (undefined, so regional formats stay), unless
 *  the text speaks another language than the browser, so a German sentence never carries an
 *  English date. */
export function dateLocale(): string | undefined {
  return dateLanguage ?? undefined;
}

/** Loads the chosen language's texts before the UI mounts: the one chosen in Settings, else
 *  the system's as the shell found it (so the window speaks as its notifications do), else
 *  the browser's. English is built in; German is a chunk of its own, so an English start does
 *  not parse it (the first-paint budget). */
export async function loadLanguage(chosen: Language | null = null, system: Language | null = null): Promise<void> {
  if (chosen) {
    language = chosen;
    dateLanguage = chosen;
  } else if (system) {
    if (system !== language) dateLanguage = system;
    language = system;
  }
  if (language === 'de' && messages === en) {
    // Typed against English: a key missing from German fails the type-check as well as the test.
    const german: Record<MessageKey, string> = (await import('./de.json')).default;
    messages = german;
  }
}

/** The message for `key`, with `{name}` placeholders filled from `values`. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  const template = messages[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
