import { describe, expect, it } from 'vitest';
import { findLiteralText } from '../../tools/ui-text';

describe('the UI text lint', () => {
  it('flags words written into markup and literal accessible names', () => {
    const found = findLiteralText('<p>Hello there</p><button aria-label="Close it">{t("x")}</button>');
    expect(found, 'both the text and the aria-label must be reported').toEqual(['aria-label="Close it"', 'Hello there']);
  });

  it('accepts markup whose text all comes from expressions', () => {
    const source = '<script>const a = "ignored words";</script><h1 class="title">{t("setup.title")}</h1>{#if x}<p>{t("a")}</p>{/if}';
    expect(findLiteralText(source), 'script content and expressions are not UI text').toEqual([]);
  });
});
