import { describe, expect, it } from "vitest";
import { type ProgressClock, progress } from "../../../hierarchy/cli/progress.js";

/** A clock the test moves, with the timer's ticks run as the time passes them. */
function manualClock() {
  let time = 0;
  const timers: { every: number; next: number; tick: () => void }[] = [];
  const clock: ProgressClock = {
    now: () => time,
    every(ms, tick) {
      const timer = { every: ms, next: time + ms, tick };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
  };
  const advance = (ms: number) => {
    const end = time + ms;
    for (;;) {
      const due = timers.filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      time = due.next;
      due.next += due.every;
      due.tick();
    }
    time = end;
  };
  return { clock, advance, timers };
}

describe("progress on long work", () => {
  it("writes a task's count at most once a second, with the seconds since it began, and the last count at the next second", () => {
    const { clock, advance } = manualClock();
    const lines: string[] = [];
    const p = progress((line) => lines.push(line), clock);
    p.start("Reading the tenant at https://rest.test.zuora.com");
    for (let done = 1; done <= 30; done++) {
      advance(100);
      p.update(`read ${done} of 30 entities' connections`);
    }
    advance(1000);
    p.end("Read 31 entities.");
    expect(lines).toEqual([
      "Reading the tenant at https://rest.test.zuora.com...",
      "  read 9 of 30 entities' connections (1.0 s)",
      "  read 19 of 30 entities' connections (2.0 s)",
      "  read 29 of 30 entities' connections (3.0 s)",
      "  read 30 of 30 entities' connections (4.0 s)",
      "Read 31 entities.",
    ]);
  });

  it("says a task is still going after ten seconds without a line (a server that does not answer)", () => {
    const { clock, advance } = manualClock();
    const lines: string[] = [];
    const p = progress((line) => lines.push(line), clock);
    p.start("Reading the tenant");
    advance(25_000);
    expect(lines).toEqual([
      "Reading the tenant...",
      "  still reading the tenant: no answer yet (10.0 s)",
      "  still reading the tenant: no answer yet (20.0 s)",
    ]);
  });

  it("writes a line said meanwhile at once (a retry), and says nothing once the task ended or the command closed", () => {
    const { clock, advance, timers } = manualClock();
    const lines: string[] = [];
    const p = progress((line) => lines.push(line), clock);
    p.start("Reading the tenant");
    p.say("zuora-multi-entity: retrying GET /v1/entities in 500 ms (HTTP 503)");
    p.end("Read 1 entity.");
    advance(30_000);
    p.close();
    expect(lines).toEqual([
      "Reading the tenant...",
      "zuora-multi-entity: retrying GET /v1/entities in 500 ms (HTTP 503)",
      "Read 1 entity.",
    ]);
    expect(timers).toEqual([]);
  });
});
