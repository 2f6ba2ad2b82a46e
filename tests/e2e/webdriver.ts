// A small W3C WebDriver client over fetch, enough to drive the real app through tauri-driver
// (which hands the session to WebKitWebDriver). No npm dependency beyond Node itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export class Driver {
  private constructor(
    private readonly base: string,
    private readonly process: ChildProcess,
  ) {}

  /** Starts tauri-driver on a free-ish port; the app inherits this process's environment. */
  static async start(port: number, env: NodeJS.ProcessEnv): Promise<Driver> {
    // Its own process group, so stopping it also ends WebKitWebDriver and the app.
    const child = spawn('tauri-driver', ['--port', String(port), '--native-port', String(port + 1)], {
      env,
      detached: true,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const driver = new Driver(`http://127.0.0.1:${port}`, child);
    for (let i = 0; i < 100; i += 1) {
      try {
        const status = await fetch(`${driver.base}/status`);
        if (status.ok) return driver;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    child.kill();
    throw new Error('tauri-driver did not start');
  }

  async stop(): Promise<void> {
    if (this.process.pid !== undefined) {
      try {
        process.kill(-this.process.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }

  async request(method: string, path: string, body?: Json): Promise<Json> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as { value: Json };
    if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
    return json.value;
  }

  async session(application: string, args: string[] = []): Promise<Session> {
    const value = await this.request('POST', '/session', {
      capabilities: { alwaysMatch: { 'tauri:options': { application, args } } },
    });
    const id = typeof value === 'object' && value !== null && !Array.isArray(value) ? value['sessionId'] : null;
    if (typeof id !== 'string') throw new Error('no session id');
    return new Session(this, id);
  }
}

export class Session {
  constructor(
    private readonly driver: Driver,
    readonly id: string,
  ) {}

  private call(method: string, path: string, body?: Json): Promise<Json> {
    return this.driver.request(method, `/session/${this.id}${path}`, body);
  }

  /** Ends the WebDriver session, which ends the app. */
  async close(): Promise<void> {
    await this.call('DELETE', '');
  }

  /** Waits up to `ms` for an element matching the XPath. */
  async find(xpath: string, ms = 15_000): Promise<string> {
    const deadline = Date.now() + ms;
    let last = '';
    while (Date.now() < deadline) {
      try {
        const value = await this.call('POST', '/element', { using: 'xpath', value: xpath });
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
          const id = value[ELEMENT];
          if (typeof id === 'string') return id;
        }
      } catch (error) {
        last = String(error);
      }
      await sleep(150);
    }
    throw new Error(`not found within ${ms} ms: ${xpath} (${last})`);
  }

  async count(xpath: string): Promise<number> {
    const value = await this.call('POST', '/elements', { using: 'xpath', value: xpath });
    return Array.isArray(value) ? value.length : 0;
  }

  async click(xpath: string): Promise<void> {
    await this.call('POST', `/element/${await this.find(xpath)}/click`, {});
  }

  async type(xpath: string, text: string): Promise<void> {
    const element = await this.find(xpath);
    await this.call('POST', `/element/${element}/clear`, {});
    await this.call('POST', `/element/${element}/value`, { text });
  }

  /** Sets a form field's value as a person's input would (date and time fields included). */
  async setValue(xpath: string, value: string): Promise<void> {
    const element = await this.find(xpath);
    await this.call('POST', '/execute/sync', {
      script:
        'const el = arguments[0]; el.value = arguments[1]; el.dispatchEvent(new Event("input", { bubbles: true })); el.dispatchEvent(new Event("change", { bubbles: true }));',
      args: [{ [ELEMENT]: element }, value],
    });
  }

  /** Types into the focused element, as keys (Ctrl+L style chords included via WebDriver actions). */
  async keys(text: string): Promise<void> {
    const element = await this.call('GET', '/element/active');
    const id = typeof element === 'object' && element !== null && !Array.isArray(element) ? element[ELEMENT] : null;
    if (typeof id !== 'string') throw new Error('no focused element');
    await this.call('POST', `/element/${id}/value`, { text });
  }

  /** Presses Ctrl together with a key. */
  async ctrl(key: string): Promise<void> {
    const CONTROL = '\uE009';
    await this.call('POST', '/actions', {
      actions: [
        {
          type: 'key',
          id: 'keyboard',
          actions: [
            { type: 'keyDown', value: CONTROL },
            { type: 'keyDown', value: key },
            { type: 'keyUp', value: key },
            { type: 'keyUp', value: CONTROL },
          ],
        },
      ],
    });
    await this.call('DELETE', '/actions');
  }

  async value(xpath: string): Promise<string> {
    const value = await this.call('GET', `/element/${await this.find(xpath)}/property/value`);
    return typeof value === 'string' ? value : '';
  }

  /** The element's value once the app has filled it in (it loads asynchronously), or what it
   *  holds after `ms`: an editor opened by a click shows its text a moment later. */
  async filledValue(xpath: string, ms = 5_000): Promise<string> {
    const deadline = Date.now() + ms;
    let value = await this.value(xpath);
    while (value === '' && Date.now() < deadline) {
      await sleep(100);
      value = await this.value(xpath);
    }
    return value;
  }

  /** A DOM property of the element (e.g. an image's `src`). */
  async property(xpath: string, name: string): Promise<string> {
    const value = await this.call('GET', `/element/${await this.find(xpath)}/property/${name}`);
    return typeof value === 'string' ? value : '';
  }

  async text(xpath: string): Promise<string> {
    const value = await this.call('GET', `/element/${await this.find(xpath)}/text`);
    return typeof value === 'string' ? value : '';
  }

  async screenshot(): Promise<Buffer> {
    const value = await this.call('GET', '/screenshot');
    return Buffer.from(typeof value === 'string' ? value : '', 'base64');
  }
}

/** XPath helpers that read like the screen. */
export const button = (name: string): string => `//button[normalize-space()="${name}"]`;
export const heading = (name: string): string => `//h1[normalize-space()="${name}"]`;
export const byId = (id: string): string => `//*[@id="${id}"]`;
export const labelled = (label: string): string => `//label[normalize-space()="${label}"]/input`;
