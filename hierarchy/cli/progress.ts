/** How the progress lines are timed: a clock and a repeating timer, the real ones unless a test gives its own. */
export interface ProgressClock {
  /** The time, in ms. */
  now(): number;
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

/** Progress on long work, as lines on stderr: what is being done, how far, and for how long. */
export interface Progress {
  /** A task begins: its line is written at once (`Reading the tenant at https://...`). */
  start(task: string): void;
  /**
   * How far the task is (`read 153 of 1,521 entities' connections`): written with the seconds since the task began,
   * at most once a second; the last one not written yet is written at the next second.
   */
  update(detail: string): void;
  /** A line written at once (a retry, a wait for a limit, a result). */
  say(line: string): void;
  /** The task ends: its result, if given, is written at once, and nothing more is said of it. */
  end(line?: string): void;
  /** Stops the timer (the command is over). */
  close(): void;
}

/** How often at most a task's count is written, in ms. */
export const PROGRESS_EVERY_MS = 1000;
/** How long a task may go without a line before one says it is still going, in ms (a server that does not answer). */
export const STILL_EVERY_MS = 10_000;

const realClock: ProgressClock = {
  now: () => performance.now(),
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    // Progress never keeps the process alive on its own.
    timer.unref?.();
    return () => clearInterval(timer);
  },
};

/**
 * Progress written through `write` (stderr): a task's count at most once a second, and, when nothing has been
 * written for ten seconds, a line saying the task is still going, with its elapsed seconds.
 */
export function progress(write: (line: string) => void, clock: ProgressClock = realClock): Progress {
  let task: string | undefined;
  let began = 0;
  let lastWritten = 0;
  let detail: string | undefined;
  let pending = false;
  let stopTimer: (() => void) | undefined;
  const seconds = () => `${((clock.now() - began) / 1000).toFixed(1)} s`;
  const writeDetail = (still: boolean) => {
    if (task === undefined) return;
    const said = detail ?? "no answer yet";
    write(`  ${still ? `still ${lowerFirst(task)}: ` : ""}${said} (${seconds()})`);
    lastWritten = clock.now();
    pending = false;
  };
  const tick = () => {
    if (task === undefined) return;
    const quiet = clock.now() - lastWritten;
    if (pending && quiet >= PROGRESS_EVERY_MS) writeDetail(false);
    else if (quiet >= STILL_EVERY_MS) writeDetail(true);
  };
  return {
    start(what) {
      task = what;
      began = clock.now();
      lastWritten = began;
      detail = undefined;
      pending = false;
      write(`${what}...`);
      stopTimer ??= clock.every(PROGRESS_EVERY_MS / 4, tick);
    },
    update(what) {
      detail = what;
      pending = true;
      if (clock.now() - lastWritten >= PROGRESS_EVERY_MS) writeDetail(false);
    },
    say(line) {
      write(line);
      lastWritten = clock.now();
    },
    end(line) {
      task = undefined;
      pending = false;
      if (line !== undefined) write(line);
    },
    close() {
      task = undefined;
      stopTimer?.();
      stopTimer = undefined;
    },
  };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
