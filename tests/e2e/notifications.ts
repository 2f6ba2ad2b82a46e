// A desktop notification server for the end-to-end tests: it takes the name
// org.freedesktop.Notifications on the test's own D-Bus session and records every notification
// with the moment it arrived, so a test can check what was said and how late.
import dbus from 'dbus-next';

export interface Received {
  id: number;
  app: string;
  summary: string;
  body: string;
  /** The buttons offered, as [key, label] pairs. */
  actions: [string, string][];
  at: number;
}

export interface NotificationServer {
  received: Received[];
  /** Waits for the `n`th notification (1-based) for up to `ms`. */
  nth(n: number, ms: number): Promise<Received>;
  /** Presses a notification's button, as the user would. */
  press(notification: Received, key: string): void;
  stop(): Promise<void>;
}

class Notifications extends dbus.interface.Interface {
  private next = 1;
  constructor(private readonly received: Received[]) {
    super('org.freedesktop.Notifications');
  }
  Notify(app: string, _replaces: number, _icon: string, summary: string, body: string, actions: string[]): number {
    const id = this.next++;
    const pairs: [string, string][] = [];
    for (let i = 0; i + 1 < actions.length; i += 2) pairs.push([actions[i] ?? '', actions[i + 1] ?? '']);
    this.received.push({ id, app, summary, body, actions: pairs, at: Date.now() });
    return id;
  }
  /** A signal: calling it sends ActionInvoked(id, key) to the app. */
  ActionInvoked(id: number, key: string): [number, string] {
    return [id, key];
  }
  GetCapabilities(): string[] {
    return ['body', 'actions'];
  }
  GetServerInformation(): [string, string, string, string] {
    return ['holdspace-e2e', 'holdspace', '1', '1.2'];
  }
  CloseNotification(): void {}
}

Notifications.configureMembers({
  methods: {
    Notify: { inSignature: 'susssasa{sv}i', outSignature: 'u' },
    GetCapabilities: { inSignature: '', outSignature: 'as' },
    GetServerInformation: { inSignature: '', outSignature: 'ssss' },
    CloseNotification: { inSignature: 'u', outSignature: '' },
  },
  signals: {
    ActionInvoked: { signature: 'us' },
  },
});

export async function startNotificationServer(): Promise<NotificationServer> {
  const bus = dbus.sessionBus();
  const received: Received[] = [];
  const server = new Notifications(received);
  await bus.requestName('org.freedesktop.Notifications', 0);
  bus.export('/org/freedesktop/Notifications', server);
  return {
    received,
    nth: async (n, ms) => {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        const found = received[n - 1];
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`notification ${n} did not arrive within ${ms} ms (${received.length} arrived)`);
    },
    press: (notification, key) => {
      server.ActionInvoked(notification.id, key);
    },
    stop: async () => {
      bus.disconnect();
    },
  };
}
