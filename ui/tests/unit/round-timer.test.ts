import { describe, expect, it } from 'vitest';
import { clock, left, newRound, pause, phase, reset, start } from '../../src/features/facilitate/round-timer';

const MIN = 60_000;

describe('the share timer', () => {
  it('counts down only while running, across a pause', () => {
    let round = start(newRound(3 * MIN), 0);
    expect(left(round, MIN), 'a minute into a three-minute share').toBe(2 * MIN);
    round = pause(round, MIN);
    expect(left(round, 5 * MIN), 'a pause stops the clock').toBe(2 * MIN);
    round = start(round, 5 * MIN);
    expect(left(round, 6 * MIN), 'it goes on from where it stopped').toBe(MIN);
  });

  it('gives the gentle cue in the last stretch, then says the round is over', () => {
    const round = start(newRound(3 * MIN), 0);
    expect(phase(round, 2 * MIN), 'a minute left is not yet the end').toBe('running');
    expect(phase(round, 3 * MIN - 30_000), 'the last 30 seconds bring the cue').toBe('closing');
    expect(phase(round, 3 * MIN), 'at the end the round is over').toBe('over');
    expect(left(round, 4 * MIN), 'time left never goes below zero').toBe(0);
  });

  it('starts again from the full round after a reset', () => {
    const round = reset(pause(start(newRound(2 * MIN), 0), 30_000));
    expect(phase(round, 99 * MIN), 'a reset round waits to be started').toBe('ready');
    expect(left(round, 99 * MIN), 'with its whole time').toBe(2 * MIN);
  });

  it('shows minutes and seconds, rounding up', () => {
    expect(clock(3 * MIN), 'the full round').toBe('3:00');
    expect(clock(61_001), 'a part second still counts').toBe('1:02');
    expect(clock(0), 'the end').toBe('0:00');
  });
});
