// The app metrics of DESIGN.md, Holdspace against a bare Tauri 2 app (bench/bare-tauri) built
// in the same profile and measured in the same run:
// - process start to the first screen's first paint (the unlock screen of a passphrase vault;
//   each page reports its paint, and the shell writes the moment to HOLDSPACE_FIRST_PAINT_FILE),
//   median of --runs launches, alternating the two apps;
// - idle RSS and PSS of the whole process tree (the app and its WebKit processes) after
//   --idle-seconds without input;
// - the size of the binary, and of the .deb where `make app-metrics` built both.
// Needs an X display (run it under xvfb-run) and a D-Bus session (the single-instance plugin).
// Prints rows like `holdspace-cli bench` (or JSON with --json). No row here is a hard budget:
// it exits 1 only when the harness itself fails. `--profile debug --runs 1 --idle-seconds 2`
// is the smoke run of the test command (it checks the harness runs, not the numbers).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = resolve(import.meta.dirname, '..');
const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
};
const profile = option('--profile', 'release');
const runs = Number(option('--runs', '9'));
const idleSeconds = Number(option('--idle-seconds', '30'));
const json = process.argv.includes('--json');
const TARGET = 1.3;
const PASSPHRASE = 'a calm and long passphrase for the app metrics';

const binaries = {
  app: join(ROOT, 'target', profile, 'holdspace'),
  bare: join(ROOT, 'target', profile, 'bare-tauri'),
  cli: join(ROOT, 'target', profile, 'holdspace-cli'),
};
for (const [what, path] of Object.entries(binaries)) {
  if (!existsSync(path)) fail(`no ${what} binary at ${path}: build it first (see the Makefile's bench target)`);
}

function fail(message) {
  console.error(`app metrics: ${message}`);
  process.exit(1);
}

const scratch = mkdtempSync(join(tmpdir(), 'holdspace-app-metrics-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
// Interrupted (Ctrl+C during the idle wait), end the app that is running and leave no scratch
// folder (it holds the throw-away vault) behind.
const running = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const pid of running) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    process.exit(130);
  });
}

// A passphrase vault, so Holdspace's first screen is the unlock screen (no keyring is touched).
const dataDir = join(scratch, 'vault');
const init = spawnSync(binaries.cli, ['--data-dir', dataDir, 'init', '--no-keyring', '--passphrase-stdin'], {
  input: `${PASSPHRASE}\n`,
  encoding: 'utf8',
});
if (init.status !== 0) fail(`could not create the vault: ${init.stderr}`);

/** Each app has a home of its own (webview data, window state), kept across its launches. */
function environment(name) {
  const home = join(scratch, `home-${name}`);
  mkdirSync(home, { recursive: true });
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    HOLDSPACE_DATA_DIR: dataDir,
  };
}

let launches = 0;
/** Starts `binary`, waits for its first paint; returns the milliseconds and the running child. */
async function launch(name, binary) {
  const paintFile = join(scratch, `paint-${launches++}`);
  const env = { ...environment(name), HOLDSPACE_FIRST_PAINT_FILE: paintFile };
  const startedMs = performance.timeOrigin + performance.now();
  // Its own process group, so the WebKit processes end with it.
  const child = spawn(binary, [], { env, detached: true, stdio: 'ignore' });
  running.add(child.pid);
  child.on('exit', () => running.delete(child.pid));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) fail(`${name} exited with ${child.exitCode} before its first paint`);
    const text = existsSync(paintFile) ? readFileSync(paintFile, 'utf8') : '';
    if (text !== '') return { ms: Number(text) / 1000 - startedMs, child };
    await sleep(5);
  }
  await stop(child);
  fail(`${name} did not report its first paint within 60 s`);
}

async function stop(child) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 100 && child.exitCode === null && child.signalCode === null; i++) await sleep(30);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** The process and every descendant, from /proc. */
function tree(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // Ended while we looked.
    }
  }
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]) ?? []));
  return all;
}

/** Resident and proportional memory of the tree, in MB. */
function memory(pid) {
  let rss = 0;
  let pss = 0;
  for (const p of tree(pid)) {
    try {
      const rollup = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
      rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // Ended while we looked.
    }
  }
  return { rss: rss / 1024, pss: pss / 1024, processes: tree(pid).length };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const row = (metric, baseline, value, budget, unit) => ({
  metric,
  baseline: Number(baseline.toFixed(2)),
  value: Number(value.toFixed(2)),
  ratio: Number((baseline > 0 ? value / baseline : 0).toFixed(2)),
  budget,
  unit,
});

const paints = { bare: [], app: [] };
for (let i = 0; i < runs; i++) {
  for (const [name, binary] of [['bare', binaries.bare], ['app', binaries.app]]) {
    const { ms, child } = await launch(name, binary);
    paints[name].push(ms);
    await stop(child);
  }
}

const idle = {};
for (const [name, binary] of [['bare', binaries.bare], ['app', binaries.app]]) {
  const { child } = await launch(name, binary);
  await sleep(idleSeconds * 1000);
  idle[name] = memory(child.pid);
  await stop(child);
}

const megabytes = (path) => statSync(path).size / 1e6;
const rows = [
  row(`process start to first screen painted (unlock screen), median of ${runs}`, median(paints.bare), median(paints.app), TARGET, 'ms'),
  row(`idle RSS after ${idleSeconds} s, process tree (${idle.bare.processes} vs ${idle.app.processes} processes)`, idle.bare.rss, idle.app.rss, TARGET, 'MB'),
  row(`idle PSS after ${idleSeconds} s, process tree`, idle.bare.pss, idle.app.pss, TARGET, 'MB'),
  row(`${profile} binary size`, megabytes(binaries.bare), megabytes(binaries.app), 0, 'MB'),
];
const debs = join(ROOT, 'target', profile, 'bundle', 'deb');
const deb = (prefix) => (existsSync(debs) ? readdirSync(debs).find((f) => f.startsWith(prefix) && f.endsWith('.deb')) : undefined);
const [bareDeb, appDeb] = [deb('bare-tauri_'), deb('Holdspace_')];
const notes = [];
if (profile !== 'release') notes.push(`${profile} build: a smoke run of the harness; its figures say nothing about the app`);
if (bareDeb && appDeb) rows.push(row('.deb size', megabytes(join(debs, bareDeb)), megabytes(join(debs, appDeb)), 0, 'MB'));
else notes.push(`no .deb row: build both packages first (make app-metrics) into ${join('target', profile, 'bundle', 'deb')}`);

if (json) {
  console.log(JSON.stringify(rows));
  for (const note of notes) console.error(`note: ${note}`);
} else {
  console.log(`${'metric (Holdspace vs a bare Tauri app)'.padEnd(78)} ${'baseline'.padStart(10)} ${'value'.padStart(12)} ${'ratio'.padStart(7)} ${'budget'.padStart(7)}  unit`);
  for (const r of rows) {
    const flag = r.budget > 0 && r.ratio > r.budget ? '  over target' : '';
    console.log(`${r.metric.padEnd(78)} ${r.baseline.toFixed(2).padStart(10)} ${r.value.toFixed(2).padStart(12)} ${r.ratio.toFixed(2).padStart(7)} ${r.budget.toFixed(2).padStart(7)}  ${r.unit}${flag}`);
  }
  for (const note of notes) console.log(`note: ${note}`);
}
process.exit(0);
