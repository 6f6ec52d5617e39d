import {
  admission,
  answered,
  ended,
  initialLimiterState,
  type LimiterState,
  readLimits,
  resetReached,
  sent,
} from "../limits/limiterState.js";
import type { Log } from "../logging/log.js";
import type { Policy } from "../pipeline/types.js";
import type { Sleep } from "../retry/sleep.js";

/** Options of {@link limiterPolicy}. */
export interface LimiterPolicyOptions {
  /** Calls in flight at most, a whole number ≥ 1 (the client's `maxConcurrency`, 16 by default). */
  maxConcurrency: number;
  /** The client's clock, in ms (`retry.now`): dates the waits and `queuedMs`. */
  now: () => number;
  /** Waits out a rate-limit reset, and backs off before a resend (`retry.sleep`). */
  sleep: Sleep;
  /** The longest wait for a reset, in ms (`retry.maxRetryAfterMs`); a longer `RateLimit-Reset` is cut to it. */
  maxWaitMs: number;
  /** Told what the limiter does: `info` when calls wait for a rate-limit reset, `debug` when its limit drops. */
  log?: Log | undefined;
}

/**
 * Keeps the client inside Zuora's limits instead of sending into them. At most `maxConcurrency` calls are in flight;
 * the rest wait in call order, each leaving the queue the moment its signal aborts. The limit follows the tenant
 * (see limiterState.ts for every rule): a 429 with `Concurrency-Limit-*` lowers it and answers that go through raise
 * it again; when `RateLimit-Remaining` says the window is used up, calls wait for `RateLimit-Reset` (one `info` line
 * per wait) rather than meet a 429. The retry loop below hands each answer it would resend after to
 * {@link PipelineRequest.waitToResend}: the call gives up its slot, waits (for a slot, the reset, or the loop's
 * backoff), and goes out again ahead of the calls queued after it. A refusal for concurrency waited out behind the
 * client's own calls that went through is queueing and spends no retry; a wait on time (the reset, a backoff) spends
 * one.
 */
export function limiterPolicy(options: LimiterPolicyOptions): Policy {
  const { now, sleep, log, maxWaitMs } = options;
  let state: LimiterState = initialLimiterState(options.maxConcurrency);
  // Calls waiting, oldest first; each entry lets its call go (the slot is already taken for it).
  const queue: (() => void)[] = [];
  // The running wait for a rate-limit reset, aborted when no call waits any more or an answer shows room after all.
  let pausing: AbortController | undefined;
  // Answers that were not a concurrency refusal: only such an answer shows the tenant freed a request of its own.
  let freed = 0;

  // `at`: the time the caller already read, so a wait measured from an answer is exactly what the answer said.
  const pump = (at = now()) => {
    // The answers still coming in may show room left in the window after all: the wait is over.
    if (pausing !== undefined && admission(state, at).kind !== "reset") {
      pausing.abort();
      pausing = undefined;
    }
    while (queue.length > 0 && pausing === undefined) {
      const verdict = admission(state, at);
      if (verdict.kind === "slot") return;
      if (verdict.kind === "reset") return pause(verdict.ms);
      state = sent(state);
      queue.shift()?.();
    }
  };

  const pause = (ms: number) => {
    const controller = new AbortController();
    pausing = controller;
    log?.info(() => `Zuora's rate limit is used up: calls wait ${Math.ceil(ms)} ms for its reset`);
    const over = (reached: boolean) => {
      if (pausing !== controller) return;
      if (reached) state = resetReached(state);
      pausing = undefined;
      pump();
    };
    sleep(ms, controller.signal).then(
      () => over(true),
      () => over(false),
    );
  };

  /** Takes a slot: at once (undefined) when nothing waits and the state allows it, else a wait in the queue. */
  const acquire = (signal: AbortSignal | undefined, first: boolean, at = now()): Promise<void> | undefined => {
    if (queue.length === 0 && pausing === undefined && admission(state, at).kind === "send") {
      state = sent(state);
      return undefined;
    }
    return new Promise<void>((resolve, reject) => {
      const go = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      const onAbort = () => {
        const index = queue.indexOf(go);
        if (index !== -1) queue.splice(index, 1);
        if (queue.length === 0) pausing?.abort();
        reject(signal?.reason);
      };
      if (first) queue.unshift(go);
      else queue.push(go);
      signal?.addEventListener("abort", onAbort, { once: true });
      pump(at);
    });
  };

  const release = (next: LimiterState, at: number) => {
    const before = Math.floor(state.limit);
    state = next;
    const after = Math.floor(state.limit);
    if (after < before) log?.debug(() => `Zuora refused a call for concurrency: at most ${after} call(s) at once now`);
    pump(at);
  };
  const learn = (answer: Response, sentEpoch: number) => {
    const at = now();
    const reading = readLimits(answer.status, answer.headers, at, maxWaitMs);
    if (reading.kind !== "concurrency") freed++;
    release(answered(state, reading, sentEpoch, at), at);
    return { reading, at };
  };

  return {
    name: "limiterPolicy",
    async send(request, next) {
      const { info } = request;
      const queuedSince = now();
      const waiting = acquire(request.signal, false);
      if (waiting) {
        await waiting;
        info.queuedMs += now() - queuedSince;
      }
      let holding = true;
      let sentEpoch = state.epoch;
      request.waitToResend = (answer, delayMs, signal) => {
        // No answer: the call may still hold Zuora's slot, so it keeps its own through the loop's backoff.
        if (!answer) return undefined;
        holding = false;
        const { reading, at } = learn(answer, sentEpoch);
        return (async () => {
          // A refusal for concurrency waits for a call of this client to end (with none in flight, only time helps),
          // one for the rate waits for the reset in the queue; anything else backs off as the retry loop said.
          const inQueue = reading.kind === "rate" || (reading.kind === "concurrency" && state.inFlight > 0);
          if (!inQueue) await sleep(delayMs, signal);
          const since = inQueue ? at : now();
          const freedBefore = freed;
          const again = acquire(signal, true, since);
          if (again) {
            await again;
            info.queuedMs += now() - since;
          }
          holding = true;
          sentEpoch = state.epoch;
          // Free only when a call it waited behind went through: behind calls refused as well (a tenant that never
          // releases), the wait is a retry, or two calls would resend each other's slot for ever.
          return inQueue && reading.kind === "concurrency" && freed > freedBefore;
        })();
      };
      let response: Response;
      try {
        response = await next(request);
      } catch (error) {
        if (holding) release(ended(state), now());
        throw error;
      }
      learn(response, sentEpoch);
      return response;
    },
  };
}
