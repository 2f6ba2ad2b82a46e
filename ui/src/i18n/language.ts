// Which of the UI's languages to show, from the system's preferred languages in order (BCP 47
// tags such as "de-AT" or "en-GB"): the first one we have, else English.
export type Language = 'en' | 'de';

const LANGUAGES: readonly Language[] = ['en', 'de'];

export function chooseLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    const found = LANGUAGES.find((language) => language === primary);
    if (found) return found;
  }
  return 'en';
}
