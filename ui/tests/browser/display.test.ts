// Reading comfort in a real browser against the mock backend: text at twice its size loses
// nothing (no screen needs sideways scrolling, every area stays reachable), and with reduced
// motion asked for nothing on any screen moves.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mockSuite, unlockMock } from './harness';

const suite = mockSuite();
const AREAS = ['Today', 'Groups', 'Calendar', 'Journal', 'Buddies', 'Reminders', 'Insights', 'Settings'];

describe('display', () => {
  it('keeps every screen whole with text at 200% and still under reduced motion', async () => {
    const context = await suite.browser.newContext({ timezoneId: 'UTC', viewport: { width: 1100, height: 760 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${suite.url}?mockPassphrase=the-right-one-123`);
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    await unlockMock(page);
    for (const area of AREAS) {
      const button = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: area, exact: true });
      await button.scrollIntoViewIfNeeded();
      await button.click();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `${area} at 200% text needs no sideways scrolling (${overflow}px too wide)`);
      const moving = await page.evaluate(() => document.getAnimations().length);
      assert.equal(moving, 0, `nothing moves on ${area} when reduced motion is asked for`);
    }
    await context.close();
  });
});
