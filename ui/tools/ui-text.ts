// Finds UI text written straight into Svelte markup instead of coming from src/i18n/*.json:
// words between tags, and literal aria-label, title, placeholder or alt attributes.

const ATTRIBUTES = /\s(aria-label|title|placeholder|alt)="([^"{]*[A-Za-z][^"]*)"/g;

/** Removes `{ ... }` expressions, counting nested braces. */
function stripExpressions(markup: string): string {
  let out = '';
  let depth = 0;
  for (const char of markup) {
    if (char === '{') depth += 1;
    else if (char === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += char;
  }
  return out;
}

export function findLiteralText(source: string): string[] {
  const markup = source
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  const findings: string[] = [];
  for (const match of markup.matchAll(ATTRIBUTES)) findings.push(`${match[1]}="${match[2]}"`);
  const text = stripExpressions(markup).replace(/<[^>]*>/g, '\n');
  for (const line of text.split('\n')) {
    const words = line.trim();
    if (/[A-Za-z]/.test(words)) findings.push(words);
  }
  return findings;
}
