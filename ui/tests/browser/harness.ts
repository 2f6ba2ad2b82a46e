// Serves the mock build (dist-mock) on loopback and drives the system Chromium through
// playwright-core: no browser download, nothing leaves this machine.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { extname, join, normalize } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

const DIST = join(import.meta.dirname, '..', '..', 'dist-mock');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export async function serveMockBuild(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = normalize(join(DIST, path === '/' ? 'index.html' : path));
    if (!file.startsWith(DIST)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file)
      .then((body) => {
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      })
      .catch(() => response.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The system Chromium: $CHROMIUM_PATH, else `chromium` or `chromium-browser` on PATH. */
function chromiumPath(): string {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return fromEnv;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`]).toString().trim();
    } catch {
      // try the next name
    }
  }
  throw new Error('No Chromium found: install it (scripts/setup.sh does) or set CHROMIUM_PATH');
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function open(browser: Browser, url: string, colorScheme: 'light' | 'dark' = 'light'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ colorScheme, viewport: { width: 1100, height: 760 } });
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

/** Serious or critical axe violations on the current screen, as readable lines. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Every axe violation on the current screen, whatever its impact (minor ones included), as
 * readable lines. Besides axe's default rules (WCAG 2.0 and 2.1 A and AA, best practices) it
 * checks WCAG 2.2's minimum target size, which axe leaves off unless asked. `skip` leaves out
 * rules by id; the caller says next to it why (a reported problem in a file it may not change).
 */
export async function allAccessibilityProblems(page: Page, skip: readonly string[] = []): Promise<string[]> {
  const rules: Record<string, { enabled: boolean }> = { 'target-size': { enabled: true } };
  for (const id of skip) rules[id] = { enabled: false };
  // Only the violations are wanted in detail: axe then spends no time describing what passed.
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'], rules }).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'no impact given'}): ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/** The passphrase the mock's existing vault opens with (`?mockPassphrase=` in the URL). */
export const MOCK_PASSPHRASE = 'the-right-one-123';

/** Opens the mock's existing vault and waits for the app's navigation. */
export async function unlockMock(page: Page): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(MOCK_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** One mock build served and one Chromium launched for a test file, closed after it. */
export function mockSuite(): { readonly browser: Browser; readonly url: string } {
  let browser: Browser | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  before(async () => {
    server = await serveMockBuild();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser(): Browser {
      if (!browser) throw new Error('the browser starts in before()');
      return browser;
    },
    get url(): string {
      if (!server) throw new Error('the server starts in before()');
      return server.url;
    },
  };
}
