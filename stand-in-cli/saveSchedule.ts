/** How soon after changes the state is saved, in ms. */
export interface SaveTiming {
  /** Saved once no change came for this long. */
  quietMs: number;
  /** But never later than this after the first change not saved yet, however busy the stand-in is. */
  maxWaitMs: number;
}

/** The command's timing: a burst of calls is saved once, and a steady stream at least once a second. */
export const SAVE_TIMING: SaveTiming = { quietMs: 200, maxWaitMs: 1000 };

/**
 * How long to wait before saving, in ms (0: now), given when the first unsaved change and the last change came.
 * Pure: the saver asks again when its timer fires, so a change does not re-arm a timer each time.
 */
export function saveDelay(now: number, firstUnsavedAt: number, lastChangeAt: number, timing: SaveTiming): number {
  return Math.max(0, Math.min(lastChangeAt + timing.quietMs, firstUnsavedAt + timing.maxWaitMs) - now);
}

/** The clock and timer the saver runs on (a test drives its own). */
export interface SaverClock {
  now(): number;
  /** Calls `run` in `ms`; answers what `cancel` takes. */
  after(ms: number, run: () => void): unknown;
  cancel(timer: unknown): void;
}

const realClock: SaverClock = {
  now: Date.now,
  after: (ms, run) => setTimeout(run, ms),
  cancel: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

/**
 * Saves the state after changes, by {@link saveDelay}, one save at a time (a change during a save is saved after
 * it), and once more, awaited, on {@link StateSaver.flush}.
 */
export class StateSaver {
  readonly #save: () => Promise<void>;
  readonly #onError: (error: unknown) => void;
  readonly #timing: SaveTiming;
  readonly #clock: SaverClock;
  #firstUnsavedAt: number | undefined;
  #lastChangeAt = 0;
  #timer: unknown;
  #saving: Promise<void> | undefined;
  #flushed = false;

  /**
   * @param save - Writes the state (whole, or throws).
   * @param onError - Told of a save that failed while serving; the changes are saved with the next ones.
   * @param timing - Defaults to {@link SAVE_TIMING}.
   * @param clock - Defaults to the real clock and `setTimeout`.
   */
  constructor(save: () => Promise<void>, onError: (error: unknown) => void, timing = SAVE_TIMING, clock = realClock) {
    this.#save = save;
    this.#onError = onError;
    this.#timing = timing;
    this.#clock = clock;
  }

  /** Notes a change of the tenant: it will be saved. */
  changed(): void {
    this.#lastChangeAt = this.#clock.now();
    this.#firstUnsavedAt ??= this.#lastChangeAt;
    if (this.#timer === undefined && this.#saving === undefined) this.#arm();
  }

  /**
   * Stops saving on changes, waits for a save under way, and saves the state once more; rejects if that save fails.
   */
  async flush(): Promise<void> {
    this.#flushed = true;
    if (this.#timer !== undefined) this.#clock.cancel(this.#timer);
    this.#timer = undefined;
    await this.#saving;
    this.#firstUnsavedAt = undefined;
    await this.#save();
  }

  #arm(): void {
    if (this.#flushed) return;
    const first = this.#firstUnsavedAt ?? this.#lastChangeAt;
    const delay = saveDelay(this.#clock.now(), first, this.#lastChangeAt, this.#timing);
    this.#timer = this.#clock.after(delay, () => this.#fire());
  }

  #fire(): void {
    this.#timer = undefined;
    const first = this.#firstUnsavedAt;
    if (first === undefined) return;
    if (saveDelay(this.#clock.now(), first, this.#lastChangeAt, this.#timing) > 0) {
      this.#arm();
      return;
    }
    this.#firstUnsavedAt = undefined;
    const seen = this.#lastChangeAt;
    this.#saving = this.#save()
      .catch((error: unknown) => {
        this.#firstUnsavedAt ??= first;
        this.#onError(error);
      })
      .finally(() => {
        this.#saving = undefined;
        // Changes that came during the save are saved next; a failed save alone waits for the next change.
        if (this.#firstUnsavedAt !== undefined && this.#lastChangeAt > seen) this.#arm();
      });
  }
}
