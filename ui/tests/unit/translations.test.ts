import { describe, expect, it, vi } from 'vitest';
import en from '../../src/i18n/en.json';
import de from '../../src/i18n/de.json';
import { chooseLanguage } from '../../src/i18n/language';

const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();

describe('the translation files', () => {
  it('have the same keys in the same order in English and German', () => {
    expect(Object.keys(de), 'every English key needs its German text, and no other').toEqual(Object.keys(en));
  });

  it('keep every placeholder of the English text in the German one', () => {
    const english: Record<string, string> = en;
    const german: Record<string, string> = de;
    const differing = Object.keys(english).filter((key) => placeholders(english[key] ?? '').join() !== placeholders(german[key] ?? '').join());
    expect(differing, 'a placeholder missing or renamed would show as {name} to the person').toEqual([]);
  });

  it('leave no English text untranslated in German, but for words both languages use', () => {
    // The same in both on purpose: names, loanwords German uses as they are, pure formats.
    const SAME_IN_BOTH = new Set([
      'app.name', 'field.passphrase', 'settings.protector.passphrase', 'time.inZone', 'group.name', 'venue.online',
      'kindEntry.check-in', 'templates.name', 'relation.buddy', 'field.name', 'field.messenger', 'share.method.text',
      'shares.someone', 'support.lineName', 'about.version', 'settings.language.en', 'settings.language.de',
    ]);
    const german: Record<string, string> = de;
    const copied = Object.entries(en).filter(([key, text]) => !SAME_IN_BOTH.has(key) && german[key] === text).map(([key]) => key);
    expect(copied, 'a text copied from English would greet a German reader in English').toEqual([]);
  });

  it('leave no German text empty where the English has words', () => {
    const german: Record<string, string> = de;
    const empty = Object.entries(en).filter(([key, text]) => text !== '' && (german[key] ?? '').trim() === '').map(([key]) => key);
    expect(empty, 'an empty text would leave a blank button or label').toEqual([]);
  });
});

describe('choosing the UI language', () => {
  it('takes the first preferred language the UI has, by its primary subtag', () => {
    expect(chooseLanguage(['fr-FR', 'de-AT', 'en-GB']), 'French is not offered, so Austrian German is next').toBe('de');
    expect(chooseLanguage(['en-US', 'de-DE']), 'the person prefers English').toBe('en');
  });

  it('falls back to English when no preferred language is offered', () => {
    expect(chooseLanguage(['ja-JP']), 'Japanese is not offered').toBe('en');
    expect(chooseLanguage([]), 'no preference at all').toBe('en');
  });

  it('follows the system language the shell found over the browser\'s, and a choice over both', async () => {
    vi.resetModules();
    const first = await import('../../src/i18n');
    await first.loadLanguage(null, 'de');
    expect(first.currentLanguage(), 'the window speaks as the notifications the shell words do').toBe('de');
    expect(first.t('area.journal'), 'and its texts are loaded').toBe(de['area.journal']);
    expect(first.dateLocale(), 'the browser here speaks English, so dates follow the German text, not it').toBe('de');
    vi.resetModules();
    const second = await import('../../src/i18n');
    await second.loadLanguage('en', 'de');
    expect(second.currentLanguage(), 'a language chosen in Settings wins').toBe('en');
    vi.resetModules();
    const third = await import('../../src/i18n');
    await third.loadLanguage(null, 'en');
    expect(third.dateLocale(), 'where the browser agrees with the shell, dates keep the browser\'s regional format').toBeUndefined();
  });
});
