import { describe, expect, it } from 'vitest';
import { firstDayOfWeek, startOfWeek } from '../../src/lib/time';

describe('the first day of the week', () => {
  it('follows the locale: Monday in Germany, Sunday in the United States', () => {
    expect(firstDayOfWeek('de-DE'), 'German weeks start on Monday').toBe(1);
    expect(firstDayOfWeek('en-US'), 'US weeks start on Sunday').toBe(7);
  });

  it('falls back to Monday for a tag the runtime cannot read', () => {
    expect(firstDayOfWeek('not a tag'), 'an unreadable tag must not break the calendar').toBe(1);
  });

  it('starts a week on that day at local midnight', () => {
    const wednesday = new Date(2026, 10, 25, 15, 30);
    expect(startOfWeek(wednesday, 1), 'Monday-first: the Monday before').toEqual(new Date(2026, 10, 23));
    expect(startOfWeek(wednesday, 7), 'Sunday-first: the Sunday before').toEqual(new Date(2026, 10, 22));
    expect(startOfWeek(new Date(2026, 10, 22, 9), 7), 'a Sunday starts its own Sunday-first week').toEqual(new Date(2026, 10, 22));
  });
});
