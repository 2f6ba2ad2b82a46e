// Starting the real debug app (built with its UI embedded) through tauri-driver, with a data
// folder of its own. scripts/e2e.sh gives each case file its own D-Bus session, unlocked
// gnome-keyring, fresh XDG_DATA_HOME and Xvfb display.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { button, byId, Driver, heading, labelled, type Session } from './webdriver';

const ROOT = resolve(import.meta.dirname, '..', '..');
export const APP = join(ROOT, 'target', 'debug', 'holdspace');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');

export interface Harness {
  driver: Driver;
  dataDir: string;
  /** The app's own home folder: nothing it writes there (autostart entry, window state,
   *  webview data) reaches the real home of whoever runs the tests. */
  home: string;
  /** `args` go to the app's command line (`--demo`). */
  launch(args?: string[]): Promise<Session>;
  done(): Promise<void>;
}

/** `env` adds to the app's environment (e.g. the debug-only clock offset); `application` runs
 *  another executable in the app's place (a wrapper that starts the app under strace). */
export async function harness(port: number, env: NodeJS.ProcessEnv = {}, application = APP): Promise<Harness> {
  const scratch = mkdtempSync(join(tmpdir(), 'holdspace-e2e-'));
  const dataDir = join(scratch, 'vault');
  const home = join(scratch, 'home');
  mkdirSync(home);
  const driver = await Driver.start(port, {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    // English unless a case asks for another language: the texts the cases look for, and the
    // file names a save dialog suggests, must not depend on the machine's locale.
    LANGUAGE: 'en',
    ...env,
    HOLDSPACE_DATA_DIR: dataDir,
  });
  const open: Session[] = [];
  return {
    driver,
    dataDir,
    home,
    launch: async (args: string[] = []) => {
      const session = await driver.session(application, args);
      open.push(session);
      return session;
    },
    // Whatever failed, end every window and the driver so the run cannot hang.
    done: async () => {
      for (const session of open) await session.close().catch(() => undefined);
      await driver.stop();
    },
  };
}

export async function saveScreenshot(session: Session, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, name), await session.screenshot());
}

/** First run with a passphrase: create the vault, confirm the recovery code, open the app. */
export async function openNewPassphraseVault(window: Session, passphrase: string): Promise<void> {
  await window.find(heading('Welcome to Holdspace'), 30_000);
  await window.click('//input[@name="method" and @value="passphrase"]');
  await window.type(byId('new-passphrase'), passphrase);
  await window.type(byId('repeat-passphrase'), passphrase);
  await window.click(button('Create my vault'));
  await window.click(labelled('I have written down my recovery code'));
  await window.click(button('Open Holdspace'));
  await window.click(button('Skip for now'));
}
