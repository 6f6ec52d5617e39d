import { describe, expect, it } from "vitest";
import { SAVE_TIMING, type SaverClock, StateSaver, saveDelay } from "../../stand-in-cli/saveSchedule.js";

/** A clock a test moves by hand, and the timers set on it. */
function drivenClock() {
  let now = 0;
  const timers = new Set<{ at: number; run: () => void }>();
  const clock: SaverClock = {
    now: () => now,
    after(ms, run) {
      const timer = { at: now + ms, run };
      timers.add(timer);
      return timer;
    },
    cancel: (timer) => timers.delete(timer as { at: number; run: () => void }),
  };
  /** Moves the clock to `to`, running each timer due on the way. */
  const advance = async (to: number) => {
    for (;;) {
      const due = [...timers].filter((t) => t.at <= to).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers.delete(due);
      now = due.at;
      due.run();
      await new Promise((resolve) => setImmediate(resolve));
    }
    now = to;
  };
  return { clock, advance, pending: () => timers.size };
}

/** Lets the promises of a save that just ended run their course. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe("when the served stand-in saves its state", () => {
  it("waits for a quiet moment, but never longer than the longest wait after the first change", () => {
    const timing = { quietMs: 200, maxWaitMs: 1000 };
    expect(saveDelay(0, 0, 0, timing)).toBe(200);
    expect(saveDelay(150, 0, 150, timing)).toBe(200);
    expect(saveDelay(950, 0, 900, timing)).toBe(50);
    expect(saveDelay(1200, 0, 1150, timing)).toBe(0);
    expect(SAVE_TIMING).toEqual(timing);
  });

  it("saves a burst of changes once, after it, and a steady stream at least once a second", async () => {
    const { clock, advance } = drivenClock();
    const saves: number[] = [];
    const saver = new StateSaver(
      async () => void saves.push(clock.now()),
      () => {},
      SAVE_TIMING,
      clock,
    );
    for (let t = 0; t <= 100; t += 10) {
      await advance(t);
      saver.changed();
    }
    await advance(299);
    expect(saves).toEqual([]);
    await advance(300);
    expect(saves).toEqual([300]);
    // A change every 100 ms for 2.5 s: never quiet for 200 ms, saved by the longest wait instead.
    for (let t = 1000; t <= 3500; t += 100) {
      await advance(t);
      saver.changed();
    }
    expect(saves).toEqual([300, 2000, 3000]);
  });

  it("saves a change that came during a save after it, one save at a time", async () => {
    const { clock, advance } = drivenClock();
    let finish: () => void = () => {};
    let running = 0;
    let most = 0;
    const saver = new StateSaver(
      () =>
        new Promise<void>((resolve) => {
          running += 1;
          most = Math.max(most, running);
          finish = () => {
            running -= 1;
            resolve();
          };
        }),
      () => {},
      SAVE_TIMING,
      clock,
    );
    saver.changed();
    await advance(200);
    expect(running).toBe(1);
    saver.changed();
    await advance(1000);
    expect(most).toBe(1);
    finish();
    await settled();
    await advance(1300);
    expect(running).toBe(1);
    finish();
    expect(most).toBe(1);
  });

  it("reports a save that failed, saves again with the next change, and saves once more when flushed", async () => {
    const { clock, advance, pending } = drivenClock();
    const errors: unknown[] = [];
    let fail = true;
    let saved = 0;
    const saver = new StateSaver(
      async () => {
        if (fail) throw new Error("disk full");
        saved += 1;
      },
      (error) => errors.push(error),
      SAVE_TIMING,
      clock,
    );
    saver.changed();
    await advance(200);
    expect(errors).toEqual([new Error("disk full")]);
    expect(pending()).toBe(0);
    fail = false;
    saver.changed();
    await advance(400);
    expect(saved).toBe(1);
    saver.changed();
    await saver.flush();
    expect(saved).toBe(2);
    expect(pending()).toBe(0);
  });
});
