// Auto-lock: fires `onIdle` once after `minutes` without any poke (keyboard, pointer, focus).
export class IdleTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private minutes: number;

  constructor(
    minutes: number,
    private readonly onIdle: () => void,
  ) {
    this.minutes = minutes;
    this.poke();
  }

  /** Activity: start the wait again. */
  poke(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(this.onIdle, this.minutes * 60_000);
  }

  setMinutes(minutes: number): void {
    this.minutes = minutes;
    this.poke();
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}

export const AUTO_LOCK_CHOICES = [1, 2, 5, 10, 15, 30, 60] as const;
export const DEFAULT_AUTO_LOCK_MINUTES = 5;
