// The hard budget "initial UI JavaScript under 100 kB gzipped" (DESIGN.md), measured on the
// desktop build in ui/dist: the entry script and every chunk the page preloads, gzipped at
// level 9 as a server or installer would. Lazy chunks (charts, Markdown) load later and are
// reported, not counted. Prints a row like `holdspace-cli bench` (or JSON with --json) and
// exits 1 when the budget is missed.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = resolve(import.meta.dirname, '..', 'ui', 'dist');
const BUDGET_KB = 100;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [
  ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
].map((match) => match[1]);
const gzippedKb = (path) => gzipSync(readFileSync(join(dist, path)), { level: 9 }).length / 1000;
const value = initial.reduce((sum, path) => sum + gzippedKb(path), 0);
const rows = [
  {
    metric: `initial UI JavaScript, gzipped (${initial.length} file(s))`,
    baseline: BUDGET_KB,
    value: Number(value.toFixed(2)),
    ratio: Number((value / BUDGET_KB).toFixed(2)),
    budget: 1,
    unit: 'kB',
  },
];
if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
else for (const row of rows) console.log(`${row.metric.padEnd(78)} ${String(row.baseline).padStart(10)} ${row.value.toFixed(2).padStart(12)} ${row.ratio.toFixed(2).padStart(7)} ${row.budget.toFixed(2).padStart(7)}  ${row.unit}`);
process.exit(rows.every((row) => row.ratio <= row.budget) ? 0 : 1);
