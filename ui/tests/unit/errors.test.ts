import { describe, expect, it } from 'vitest';
import { loadLanguage } from '../../src/i18n';
import { describe as describeError } from '../../src/lib/errors';

describe('an input error in German', () => {
  it('names the field in German and keeps the core\'s English rule out of the sentence', async () => {
    await loadLanguage('de');
    const named = describeError({ code: 'invalid_input', message: 'name: required' });
    expect(named, 'the field the person must look at, in their words').toBe('Bitte prüfe deine Eingabe: Name.');
    expect(named, 'no English half-sentence inside the German one').not.toMatch(/required/);
    expect(describeError({ code: 'invalid_input', message: 'This file is not a Meeting Guide feed: it is not valid JSON.' }), 'without a known field, the short German request alone').toBe('Bitte prüfe deine Eingabe.');
    expect(describeError({ code: 'wrong_passphrase', message: 'core words' }), 'other codes have their German text').not.toMatch(/core words/);
  });
});
