// `npm run lint:text`: fails when a Svelte file holds UI text not taken from the translations.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findLiteralText } from './ui-text';

const root = join(import.meta.dirname, '..', 'src');

function svelteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return svelteFiles(path);
    return path.endsWith('.svelte') ? [path] : [];
  });
}

let problems = 0;
for (const file of svelteFiles(root)) {
  for (const text of findLiteralText(readFileSync(file, 'utf8'))) {
    problems += 1;
    console.error(`${relative(root, file)}: UI text not from the translations: ${text}`);
  }
}
if (problems > 0) process.exit(1);
console.log('ui text: every string comes from src/i18n');
