import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleTimer } from '../../src/lib/idle';

describe('the auto-lock idle timer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires once after the chosen minutes without activity', () => {
    const onIdle = vi.fn();
    new IdleTimer(5, onIdle);
    vi.advanceTimersByTime(5 * 60_000 - 1);
    expect(onIdle, 'not a moment early').not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle, 'exactly at five minutes').toHaveBeenCalledOnce();
  });

  it('starts the wait again on every sign of activity', () => {
    const onIdle = vi.fn();
    const timer = new IdleTimer(1, onIdle);
    vi.advanceTimersByTime(50_000);
    timer.poke();
    vi.advanceTimersByTime(50_000);
    expect(onIdle, 'activity postpones the lock').not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(onIdle).toHaveBeenCalledOnce();
  });
});
