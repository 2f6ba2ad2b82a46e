import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/features/journal/markdown';

// DOMPurify, the second wall, is tested in real Chromium (tests/browser/journal.test.ts): the
// unit tests' DOM, happy-dom, drops the first element of parsed HTML.
describe('an entry parsed from Markdown', () => {
  it('keeps the formatting a journal needs', () => {
    const html = markdownToHtml('# Arriving\n\n**tired** but *hopeful*\n\n- walked\n- called my buddy\n\n> keep this');
    expect(html, 'headings, emphasis, lists and quotes are what people write').toContain('<h1>Arriving</h1>');
    expect(html).toContain('<strong>tired</strong>');
    expect(html).toContain('<em>hopeful</em>');
    expect(html).toContain('<li>called my buddy</li>');
    expect(html).toContain('<blockquote>');
  });

  it('never produces script, an event handler, an image or a link', () => {
    const attacks = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '![tracker](https://example.org/pixel.png)',
      '[click](javascript:alert(1))',
      '<https://example.org/>',
      'https://example.org/ bare',
      '[ref]\n\n[ref]: https://example.org/',
      '<a href="https://example.org">x</a>',
      '<iframe src="https://example.org"></iframe>',
      '<svg onload=alert(1)>',
      '<style>body{background:url(https://example.org/x)}</style>',
    ];
    for (const attack of attacks) {
      const html = markdownToHtml(attack);
      expect(html, `${attack}: no markup may run code, fetch or navigate`).not.toMatch(/<(script|img|a|iframe|svg|style)\b/i);
      expect(html, `${attack}: no attribute may run code or load a URL`).not.toMatch(/<[^>]*\b(on\w+|href|src)=/i);
    }
  });

  it('shows escaped HTML as the text the user typed', () => {
    expect(markdownToHtml('<b>bold?</b>'), 'nothing the user wrote is dropped silently').toContain('&lt;b&gt;bold?&lt;/b&gt;');
  });
});
