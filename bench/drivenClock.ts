import type { FetchLike } from "../src/pipeline/types.js";
import type { Sleep } from "../src/policies/sleep.js";

/**
 * A clock that only the client's waits move, for a stand-in's rate window (`limits.now`) and the client's
 * `retry.now` / `retry.sleep` alike, so that no run waits a real minute. A wait moves the clock only once the
 * requests on their way (through {@link DrivenClock.around}) have been answered: time cannot pass for the tenant while
 * they travel, or they would land in a window they were not sent in.
 */
export interface DrivenClock {
  /** The time, in ms (0 at the start). */
  now(): number;
  /** Sets the time, in ms. */
  set(ms: number): void;
  /** Waits for the requests on their way, then moves the clock by `ms` (unless the signal aborted meanwhile). */
  sleep: Sleep;
  /** Wraps the client's transport, so the clock knows what is on its way. */
  around(transport: FetchLike): FetchLike;
  /** Every wait, in ms, in order. */
  readonly waits: number[];
}

/** A {@link DrivenClock} at 0. */
export function drivenClock(): DrivenClock {
  let time = 0;
  let traveling = 0;
  let idle: (() => void)[] = [];
  const waits: number[] = [];
  return {
    now: () => time,
    set: (ms) => {
      time = ms;
    },
    waits,
    sleep: async (ms, signal) => {
      // Calls the client lets go reach the transport a few microtasks later: they must land before time moves.
      await new Promise((resolve) => setImmediate(resolve));
      while (traveling > 0) await new Promise<void>((resolve) => idle.push(resolve));
      signal?.throwIfAborted();
      waits.push(ms);
      time += ms;
    },
    around: (transport) => async (input, init) => {
      traveling++;
      try {
        return await transport(input, init);
      } finally {
        traveling--;
        if (traveling === 0) {
          for (const resolve of idle) resolve();
          idle = [];
        }
      }
    },
  };
}
