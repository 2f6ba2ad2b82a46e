// The share timer's arithmetic, apart from any clock so tests can drive it: a round of `total`
// milliseconds that can be started, paused and reset; what is left at any moment; and whether
// it is time for the gentle end cue (the last fifth, at most 30 s) or the round is over.
export type RoundPhase = 'ready' | 'running' | 'paused' | 'closing' | 'over';

export interface Round {
  readonly total: number;
  /** Time already spent in earlier runs (before the last pause). */
  readonly spent: number;
  /** When the current run began, or null when not running. */
  readonly runningSince: number | null;
}

export const newRound = (total: number): Round => ({ total, spent: 0, runningSince: null });

export const start = (round: Round, now: number): Round => (round.runningSince === null ? { ...round, runningSince: now } : round);

export const pause = (round: Round, now: number): Round =>
  round.runningSince === null ? round : { ...round, spent: round.spent + (now - round.runningSince), runningSince: null };

export const reset = (round: Round): Round => newRound(round.total);

export function left(round: Round, now: number): number {
  const running = round.runningSince === null ? 0 : now - round.runningSince;
  return Math.max(0, round.total - round.spent - running);
}

/** The cue comes while the last fifth of the round runs, never earlier than 30 s before the end. */
export function phase(round: Round, now: number): RoundPhase {
  const remaining = left(round, now);
  if (remaining === 0) return 'over';
  if (round.runningSince === null) return round.spent === 0 ? 'ready' : 'paused';
  return remaining <= Math.min(30_000, round.total / 5) ? 'closing' : 'running';
}

/** m:ss, rounding up so the display never shows 0:00 while time is left. */
export function clock(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
