// An accessibility sweep over every screen and dialog of the app, in the light and in the dark
// theme, against the mock backend: axe must find nothing at all, whatever the impact.
//
// The screens are a table of steps run in order on one page per theme. Each step reaches its
// screen from where the step before it left the app (most start from the main navigation) and
// adds what it needs, so no screen is scanned only empty. Append a step to cover a new screen.
// Besides axe's default rules, WCAG 2.2's minimum target size is checked (see the harness).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { allAccessibilityProblems, MOCK_PASSPHRASE, mockSuite, unlockMock } from './harness';

const suite = mockSuite();

/** The passphrase of the vault the first steps create. */
const PASSPHRASE = 'a long enough passphrase';

interface Step {
  /** The screen or dialog, as the assertion names it. */
  readonly screen: string;
  /** Reaches the screen from where the step before left the app. */
  readonly reach: (page: Page) => Promise<void>;
  /**
   * Axe rules left out on this screen only, for a problem whose fix belongs in a file that may
   * not be changed at the time: say why next to it, and report the change it needs. None is
   * left out now.
   */
  readonly reported?: readonly string[];
}

const pad = (n: number): string => String(n).padStart(2, '0');
const utcDay = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const utcTime = (d: Date): string => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

/** Opens an area of the main navigation and waits for its first heading. */
async function area(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

async function button(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
}

const STEPS: readonly Step[] = [
  // First run: the page opens on a mock without a vault.
  {
    screen: 'the set-up screen',
    reach: async (page) => {
      await page.getByRole('heading', { name: 'Welcome to Holdspace' }).waitFor();
    },
  },
  {
    screen: 'the set-up screen with the demo opening',
    reach: async (page) => {
      await button(page, 'Open the demo');
      await page.getByRole('status').filter({ hasText: 'The demo is opening in its own window.' }).waitFor();
    },
  },
  {
    screen: 'the set-up screen with passphrases that differ',
    reach: async (page) => {
      await page.getByLabel('With a passphrase', { exact: false }).first().check();
      await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
      await page.getByLabel('Repeat the passphrase').fill('something else');
      await button(page, 'Create my vault');
      await page.getByRole('alert').filter({ hasText: /./ }).waitFor();
    },
  },
  {
    screen: 'restoring from a backup on the set-up screen',
    reach: async (page) => {
      await button(page, 'Restore from a backup instead');
      await page.getByRole('heading', { name: 'Restore from a backup' }).waitFor();
    },
  },
  {
    screen: 'the recovery code, shown once',
    reach: async (page) => {
      await button(page, 'Create a new vault instead');
      await page.getByLabel('With a passphrase', { exact: false }).first().check();
      await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
      await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
      await button(page, 'Create my vault');
      await page.getByTestId('recovery-code').waitFor();
    },
  },
  {
    screen: 'the first-run question which groups the user belongs to',
    reach: async (page) => {
      await page.getByLabel('I have written down my recovery code').check();
      await button(page, 'Open Holdspace');
      await page.getByRole('heading', { name: 'Which groups do you belong to?' }).waitFor();
      await button(page, 'Add another group');
      await page.getByRole('group', { name: 'Group 2' }).waitFor();
    },
  },
  {
    screen: 'Today, before anything is added',
    reach: async (page) => {
      await button(page, 'Skip for now');
      await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    },
  },
  {
    screen: 'Groups, before any group is added',
    reach: (page) => area(page, 'Groups'),
  },
  {
    screen: 'the group form',
    reach: async (page) => {
      await button(page, 'Add a group');
      await page.getByLabel('Name').fill('Tuesday circle');
      await page.getByLabel('My role').selectOption('facilitator');
    },
  },
  {
    screen: 'a group’s page',
    reach: async (page) => {
      await button(page, 'Save group');
      await page.getByRole('heading', { name: 'Tuesday circle', level: 1 }).waitFor();
    },
  },
  {
    screen: 'the meeting-time form',
    reach: async (page) => {
      // Weekly, the first one three weeks and three hours ago: it ended just now, and there are
      // past meetings to record and coming ones to change.
      const start = new Date(Date.now() - 21 * 86_400_000 - 3 * 3_600_000);
      await button(page, 'Add a meeting time');
      await page.getByLabel('First meeting date').fill(utcDay(start));
      await page.getByLabel('Start time').fill(utcTime(start));
      await page.getByLabel('Time zone').fill('UTC');
      await page.getByLabel('Repeats').selectOption('weekly');
    },
  },
  {
    screen: 'the norms form on a group’s page',
    reach: async (page) => {
      await button(page, 'Save meeting time');
      await page.getByText('FREQ=WEEKLY', { exact: false }).waitFor();
      await button(page, 'Edit norms');
      await page.getByLabel('Confidentiality').check();
      await page.getByLabel('No cross-talk').check();
      await page.getByLabel('Norms of our own, one per line').fill('We start on time');
    },
  },
  {
    screen: 'the membership form on a group’s page',
    reach: async (page) => {
      await button(page, 'Save norms');
      await page.getByText('We start on time').waitFor();
      await button(page, 'Record a change');
    },
  },
  {
    screen: 'moving a meeting on a group’s page',
    reach: async (page) => {
      await button(page, 'Cancel');
      await page.getByRole('button', { name: 'Move', exact: true }).first().click();
    },
  },
  {
    screen: 'adding an orientation session on a group’s page',
    reach: async (page) => {
      await button(page, 'Cancel');
      const pathway = page.getByRole('region', { name: 'Finding your way in this group' });
      await pathway.getByLabel('Find out what this group is').check();
      await pathway.getByText('1 of 5 steps done').waitFor();
      await pathway.getByRole('button', { name: 'Add an orientation session' }).click();
      await pathway.getByLabel('Date of the session').waitFor();
    },
  },
  {
    screen: 'recording a past meeting on a group’s page',
    reach: async (page) => {
      await button(page, 'Cancel');
      await page.getByRole('button', { name: 'Record attendance' }).first().click();
      await page.getByRole('button', { name: 'Save check-in' }).waitFor();
    },
  },
  {
    screen: 'the facilitator view',
    reach: async (page) => {
      await button(page, 'Facilitate a meeting');
      await page.getByRole('dialog', { name: /Facilitating/ }).getByRole('heading', { name: 'Sharing circle' }).waitFor();
    },
  },
  {
    screen: 'the facilitator view near the end of a share',
    reach: async (page) => {
      const view = page.getByRole('dialog', { name: /Facilitating/ });
      // The page's clock from here on: time still flows, and can be sped along.
      await page.clock.install();
      await view.getByLabel('Minutes per share').selectOption('2');
      await view.getByRole('button', { name: 'Start' }).click();
      await page.clock.runFor(100_000);
      await view.getByText('Time to gently bring this share to a close.').waitFor();
    },
  },
  {
    screen: 'the facilitation log with an entry',
    reach: async (page) => {
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.getByLabel('How it went for me').fill('Calm round; I kept time well.');
      await page.getByLabel('Self-care note').fill('A walk home the long way.');
      await button(page, 'Save to my log');
      await page.getByTestId('facilitation-log').getByText('Calm round; I kept time well.').waitFor();
    },
  },
  {
    screen: 'the group form, editing a group',
    reach: async (page) => {
      await button(page, 'Edit details');
      await page.getByRole('button', { name: 'Save group' }).waitFor();
    },
  },
  {
    screen: 'a group’s page, asking before archiving or deleting it',
    reach: async (page) => {
      await button(page, 'Cancel');
      await button(page, 'Archive group');
      await button(page, 'Delete group');
      await page.getByText('Archive this group?', { exact: false }).waitFor();
    },
  },
  {
    screen: 'importing meetings from a calendar file',
    reach: async (page) => {
      await button(page, 'All groups');
      await button(page, 'Import meetings');
      await button(page, 'From a calendar file (.ics)…');
      await page.getByText('2 event(s) found.').waitFor();
    },
  },
  {
    screen: 'following a meeting list',
    reach: async (page) => {
      await button(page, 'From a meeting list (Meeting Guide .json)…');
      await page.getByText('1 meeting(s) in the list.', { exact: false }).waitFor();
    },
  },
  {
    screen: 'Today, with a check-in and the norms card',
    reach: async (page) => {
      await area(page, 'Today');
      await page.getByRole('heading', { name: 'How did it go?' }).waitFor();
      await page.getByTestId('norms-card').waitFor();
    },
  },
  {
    screen: 'Today, offering a reflection',
    reach: async (page) => {
      await page.getByLabel('I went, in person').check();
      await page.getByRole('group', { name: 'Mood before' }).getByLabel('2').check();
      await page.getByRole('group', { name: 'Mood after' }).getByLabel('4').check();
      await button(page, 'Save check-in');
      await page.getByRole('button', { name: 'Write a reflection' }).waitFor();
    },
  },
  {
    screen: 'a reflection in the journal editor, with the norms card',
    reach: async (page) => {
      await button(page, 'Write a reflection');
      await page.getByLabel('What is on your mind?').fill('Slow progress is still progress.');
      await page.getByTestId('save-status').getByText('Saved').waitFor();
    },
  },
  {
    screen: 'the calendar',
    reach: async (page) => {
      await button(page, 'Back (Esc)');
      await area(page, 'Calendar');
      await page.getByRole('heading', { name: /Week of/ }).waitFor();
    },
  },
  {
    screen: 'the journal',
    reach: async (page) => {
      await area(page, 'Journal');
      await page.getByRole('button', { name: /Reflection/ }).first().waitFor();
    },
  },
  {
    screen: 'the journal editor',
    reach: async (page) => {
      await button(page, 'New entry');
      await page.getByLabel('What is on your mind?').fill('# Arriving\n\nThe café was *calm*.\n\n> A quote I keep.');
      await page.getByLabel('Tags (optional)').fill('group, sleep');
      await page.getByTestId('save-status').getByText('Saved').waitFor();
    },
  },
  {
    screen: 'the journal editor’s preview',
    reach: async (page) => {
      await button(page, 'Preview');
      await page.getByTestId('entry-preview').getByRole('heading', { name: 'Arriving' }).waitFor();
    },
  },
  {
    screen: 'the journal search with its filters open',
    reach: async (page) => {
      await button(page, 'Back (Esc)');
      await page.getByLabel('Search your journal').fill('calm');
      await page.getByText('Filters').click();
      await page.getByRole('button', { name: /Arriving/ }).waitFor();
    },
  },
  {
    screen: 'the journal templates',
    reach: async (page) => {
      await area(page, 'Journal');
      await button(page, 'Templates');
      await page.getByRole('heading', { name: 'Journal templates' }).waitFor();
    },
  },
  {
    screen: 'the journal trash, with an entry',
    reach: async (page) => {
      await button(page, 'Back to the journal');
      // Cleared first: the trash shows the search's hits while a search is typed (reported).
      await page.getByLabel('Search your journal').fill('');
      await page.getByRole('button', { name: /^Check-in/ }).click();
      await button(page, 'Move to trash');
      await button(page, 'Trash');
      await page.getByRole('heading', { name: 'Trash', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Restore' }).waitFor();
    },
  },
  {
    screen: 'Buddies, before any contact is added',
    reach: (page) => area(page, 'Buddies'),
  },
  {
    screen: 'the contact form',
    reach: async (page) => {
      await button(page, 'Add a contact');
      await page.getByLabel('Name or alias').fill('Alex');
      await page.getByLabel('Relation', { exact: true }).selectOption('mentor');
      await page.getByRole('group', { name: 'Phone numbers' }).getByRole('button', { name: 'Add another' }).click();
      await page.locator('#contact-phone-label-0').fill('mobile');
      await page.locator('#contact-phone-value-0').fill('+49 170 1234567');
      await page.getByRole('group', { name: 'E-mail addresses' }).getByRole('button', { name: 'Add another' }).click();
      await page.locator('#contact-email-value-0').fill('alex@example.org');
      await page.getByLabel('They said it is OK to call any time').check();
    },
  },
  {
    screen: 'Buddies, with a contact',
    reach: async (page) => {
      await button(page, 'Save contact');
      await page.getByRole('list', { name: 'Contacts' }).getByRole('listitem').first().waitFor();
    },
  },
  {
    screen: 'Buddies, asking before a contact is deleted',
    reach: async (page) => {
      await page.getByRole('list', { name: 'Contacts' }).getByRole('button', { name: 'Delete' }).click();
      await page.getByText('Delete this contact?', { exact: false }).waitFor();
    },
  },
  {
    screen: 'my card, being filled in',
    reach: async (page) => {
      await button(page, 'My card');
      await page.getByLabel('Your name or alias').fill('Robin');
      await page.getByLabel('Kind', { exact: true }).selectOption('email');
      await button(page, 'Add a field');
      await page.locator('.card-field').last().getByLabel('Value').fill('robin@example.org');
      await page.locator('.card-field').last().getByLabel('Share by default').check();
    },
  },
  {
    screen: 'share my card, with the QR code and the text',
    reach: async (page) => {
      await button(page, 'Save my card');
      await page.getByRole('region', { name: 'Share my card' }).getByRole('button', { name: 'Show QR code' }).click();
      await page.getByRole('img', { name: 'QR code of your card' }).waitFor();
      await button(page, 'Show text to copy');
      await page.getByLabel('Your card as text').waitFor();
    },
  },
  {
    screen: 'importing cards',
    reach: async (page) => {
      await button(page, 'Import');
      await button(page, 'Choose a .vcf file…');
      await page.getByRole('button', { name: 'Import the chosen cards' }).waitFor();
    },
  },
  {
    screen: 'the log of shared cards',
    reach: async (page) => {
      await button(page, 'Shared');
      await page.getByRole('table').waitFor();
    },
  },
  {
    screen: 'the Support now panel',
    reach: async (page) => {
      await button(page, 'Support now');
      await page.getByRole('complementary', { name: 'Support now' }).getByRole('button', { name: /^Call Alex/ }).waitFor();
    },
  },
  {
    screen: 'the support line form',
    reach: async (page) => {
      const panel = page.getByRole('complementary', { name: 'Support now' });
      await panel.getByRole('button', { name: 'Edit line' }).click();
      await panel.getByLabel('Name', { exact: true }).fill('My night line');
    },
  },
  {
    screen: 'Reminders, before any reminder is added',
    reach: async (page) => {
      const panel = page.getByRole('complementary', { name: 'Support now' });
      await panel.getByRole('button', { name: 'Cancel' }).click();
      await panel.getByRole('button', { name: 'Close' }).click();
      await area(page, 'Reminders');
      await page.getByText('No reminders yet.', { exact: false }).waitFor();
    },
  },
  {
    screen: 'the reminder form for a group’s meetings',
    reach: async (page) => {
      await page.getByLabel('What to remind').selectOption('before-meeting');
      await page.getByRole('group', { name: 'How long before each meeting' }).waitFor();
    },
  },
  {
    screen: 'the reminder form for a reminder of my own',
    reach: async (page) => {
      await page.getByLabel('What to remind').selectOption('custom');
      await page.getByLabel('First time').waitFor();
    },
  },
  {
    screen: 'Reminders, with reminders coming up',
    reach: async (page) => {
      await page.getByLabel('What to remind').selectOption('weekly-buddy-call');
      await page.getByLabel('Time', { exact: true }).fill('18:30');
      await button(page, 'Add reminder');
      await page.getByRole('list', { name: 'Your reminders' }).getByRole('listitem').first().waitFor();
    },
  },
  {
    screen: 'Reminders, all paused, with quiet hours',
    reach: async (page) => {
      await page.getByLabel('Pause all reminders').check();
      await page.getByLabel('Hold reminders during quiet hours').check();
      await button(page, 'Save notification settings');
      await page.getByText('All reminders are paused.').waitFor();
    },
  },
  {
    screen: 'Insights',
    reach: async (page) => {
      await area(page, 'Insights');
      await page.locator('canvas').first().waitFor();
    },
  },
  {
    screen: 'Insights, with a milestone',
    reach: async (page) => {
      await page.getByLabel('What it marks').fill('Sober since');
      await page.getByLabel('Since', { exact: true }).fill('2026-01-01');
      await button(page, 'Start counting');
      await page.getByTestId('milestone-days').waitFor();
    },
  },
  {
    screen: 'Settings, with Your data and About',
    reach: async (page) => {
      await area(page, 'Settings');
      await page.getByRole('heading', { name: 'Your data', exact: true }).waitFor();
      await page.getByTestId('about-version').waitFor();
    },
  },
  {
    screen: 'Settings, with its forms open and a backup refused',
    reach: async (page) => {
      await button(page, 'Change passphrase');
      await button(page, 'Create a new recovery code');
      await page.getByLabel('I understand these files are not encrypted').check();
      await page.getByLabel('Backup passphrase', { exact: true }).fill('a backup passphrase');
      await page.getByLabel('Repeat the backup passphrase').fill('a different one');
      await button(page, 'Save an encrypted backup…');
      await page.getByRole('alert').getByText('are not the same', { exact: false }).waitFor();
    },
  },
  {
    screen: 'Settings, with a new recovery code after a key change',
    reach: async (page) => {
      await page.getByLabel('Your passphrase').fill(PASSPHRASE);
      await button(page, 'Change the key');
      await page.getByTestId('rotated-recovery-code').waitFor();
      await page.getByLabel('To confirm, type “delete everything”').fill('delete everything');
    },
  },
  {
    screen: 'the unlock screen',
    reach: async (page) => {
      await page.keyboard.press('Control+l');
      await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
    },
  },
  {
    screen: 'the unlock screen after a wrong passphrase',
    reach: async (page) => {
      await page.getByLabel('Passphrase', { exact: true }).fill('not the right one');
      await button(page, 'Unlock');
      await page.getByText('That passphrase or recovery code is not right').waitFor();
    },
  },
  {
    screen: 'the recovery screen',
    reach: async (page) => {
      await button(page, 'I lost access');
      await page.getByRole('heading', { name: 'Get back in with your recovery code' }).waitFor();
    },
  },
  // The throw-away demo (a page of its own) says so on every screen.
  {
    screen: 'the demo’s unlock screen, with its banner',
    reach: async (page) => {
      await page.goto(`${suite.url}?mockDemo=1&mockPassphrase=${MOCK_PASSPHRASE}`);
      await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
      await page.getByText('Demo:', { exact: false }).waitFor();
    },
  },
  {
    screen: 'Today in the demo, with its banner',
    reach: async (page) => {
      await unlockMock(page);
      await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    },
  },
  // A vault the core refused to open (a page of its own).
  {
    screen: 'the cannot-open screen',
    reach: async (page) => {
      await page.goto(`${suite.url}?mockDamaged=1`);
      await page.getByRole('heading', { name: 'Holdspace cannot open this vault' }).waitFor();
      await page.getByRole('alert').waitFor();
    },
  },
];

// The two themes run side by side, each on a page of its own.
describe('the accessibility sweep', { concurrency: true }, () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`finds no accessibility problem of any impact on any screen in the ${theme} theme`, async (t) => {
      const context = await suite.browser.newContext({ colorScheme: theme, timezoneId: 'UTC', viewport: { width: 1100, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(suite.url);
      try {
        for (const step of STEPS) {
          await t.test(`axe finds nothing in the ${theme} theme on ${step.screen}`, async () => {
            await step.reach(page);
            const problems = await allAccessibilityProblems(page, step.reported);
            assert.deepEqual(problems, [], `axe finds nothing in the ${theme} theme on ${step.screen}`);
          });
        }
      } finally {
        await context.close();
      }
    });
  }
});
