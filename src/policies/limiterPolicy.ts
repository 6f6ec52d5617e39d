import type { Log } from "../options/log.js";
import { onAbort } from "../pipeline/onAbort.js";
import { target } from "../pipeline/target.js";
import type { Policy } from "../pipeline/types.js";
import {
  admission,
  answered,
  ended,
  holdPassed,
  initialLimiterState,
  type LimiterState,
  type LimitReading,
  readLimits,
  resetReached,
  sent,
  shutOutTooLong,
  type WaitSettings,
  waitAfter,
} from "./limiterState.js";
import type { Sleep } from "./sleep.js";

/** Options of {@link limiterPolicy}: the client's retry settings, and its limits. */
export interface LimiterPolicyOptions extends WaitSettings {
  /** Calls in flight at most, a whole number ≥ 1 (the client's `maxConcurrency`). */
  maxConcurrency: number;
  /** The client's clock, in ms (`retry.now`): dates the waits and `queuedMs`. */
  now: () => number;
  /** Waits out a rate-limit reset or a hold, and backs off before a resend (`retry.sleep`). */
  sleep: Sleep;
  /** A number in [0, 1), for the jitter of the waits (`retry.random`). */
  random: () => number;
  /** The longest wait for a reset, in ms (`retry.maxRetryAfterMs`); a longer `RateLimit-Reset` is cut to it. */
  maxRetryAfterMs: number;
  /**
   * Told what the limiter does: `info` when calls wait for a rate-limit reset, when the tenant starts refusing every
   * call for concurrency, and when a call gives up on it; `debug` when the limit changes, for each further hold, and
   * when answers stop reporting the rate window.
   */
  log?: Log | undefined;
}

/** A wait of the whole queue: for the rate window's reset, or a hold while other clients fill the tenant. */
interface Pause {
  kind: "reset" | "hold";
  controller: AbortController;
}

/**
 * Keeps the client inside Zuora's limits instead of sending into them. At most `maxConcurrency` calls are in flight;
 * the rest wait in call order, each leaving the queue the moment its signal aborts. The limit follows the tenant
 * (see limiterState.ts for every rule): a 429 with `Concurrency-Limit-*` lowers it and answers that go through raise
 * it again; when `RateLimit-Remaining` says the window is used up, calls wait for `RateLimit-Reset` (one `info` line
 * per wait) rather than meet a 429. The retry loop below hands each answer it would resend after (and each 429) to
 * {@link PipelineRequest.waitToResend}: the call gives up its slot, waits (for a slot, the reset, a hold, or the
 * loop's backoff), and goes out again ahead of the calls queued after it.
 *
 * A concurrency refusal is queueing, never a retry: the refused call waits for a slot of its own client's, or, when
 * the tenant refused every call the client had out (other clients hold it), the client holds every call for a
 * jittered wait that grows with each round, then lets one try again. Those waits end with the caller's signal, or
 * with `maxConcurrencyWaitMs` of refusals in a row: a call refused after that fails with its 429.
 */
export function limiterPolicy(options: LimiterPolicyOptions): Policy {
  const { now, sleep, log, random } = options;
  let state: LimiterState = initialLimiterState(options.maxConcurrency);
  // Calls waiting, oldest first; each entry lets its call go (the slot is already taken for it).
  const queue: (() => void)[] = [];
  // The running wait of the whole queue, aborted when no call waits any more or an answer ends it early.
  let pausing: Pause | undefined;

  // `at`: the time the caller already read, so a wait measured from an answer is exactly what the answer said.
  const pump = (at = now()) => {
    // The answers still coming in may show room after all (in the window, or at the tenant): the wait is over.
    if (pausing !== undefined && admission(state, at).kind !== pausing.kind) {
      pausing.controller.abort();
      pausing = undefined;
    }
    while (queue.length > 0 && pausing === undefined) {
      const verdict = admission(state, at);
      if (verdict.kind === "slot") return;
      if (verdict.kind !== "send") return pause(verdict.kind, verdict.ms);
      state = sent(state);
      queue.shift()?.();
    }
  };

  const pause = (kind: Pause["kind"], ms: number) => {
    const controller = new AbortController();
    const current: Pause = { kind, controller };
    pausing = current;
    if (kind === "reset")
      log?.info(() => `Zuora's rate limit is used up: calls wait ${Math.ceil(ms)} ms for its reset`);
    const over = (reached: boolean) => {
      if (pausing !== current) return;
      if (reached) state = kind === "reset" ? resetReached(state) : holdPassed(state);
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
        stop?.();
        resolve();
      };
      if (first) queue.unshift(go);
      else queue.push(go);
      const stop =
        signal &&
        onAbort(signal, () => {
          const index = queue.indexOf(go);
          if (index !== -1) queue.splice(index, 1);
          if (queue.length === 0) pausing?.controller.abort();
          reject(signal.reason);
        });
      pump(at);
    });
  };

  const release = (next: LimiterState, at: number, reading?: LimitReading) => {
    const before = state;
    state = next;
    // Its lines are info and debug: below those levels, nothing to work out.
    if (log !== undefined && (log.level === "info" || log.level === "debug")) tell(log, before, next, at, reading);
    pump(at);
  };

  return {
    async send(request, next) {
      const { info } = request;
      const queuedSince = now();
      const waiting = acquire(request.signal, false, queuedSince);
      if (waiting) {
        await waiting;
        info.queuedMs += now() - queuedSince;
      }
      let holding = true;
      let sentEpoch = state.epoch;
      // The answer the limiter has learnt from already (a call's final answer may have passed through waitToResend).
      let learnt: Response | undefined;
      const learn = (answer: Response) => {
        learnt = answer;
        holding = false;
        const at = now();
        const reading = readLimits(answer.status, answer.headers, at, options.maxRetryAfterMs, state);
        const waitMs = answer.status === 429 ? waitAfter(state, reading, at, random(), options) : 0;
        release(answered(state, reading, sentEpoch, at, waitMs), at, reading);
        return { reading, at };
      };
      /** Waits at the front of the queue (the call was sent before those queued after it) and takes the slot again. */
      const requeue = async (signal: AbortSignal | undefined, since: number) => {
        const again = acquire(signal, true, since);
        if (again) {
          await again;
          info.queuedMs += now() - since;
        }
        holding = true;
        sentEpoch = state.epoch;
      };
      request.waitToResend = (answer, decision, signal) => {
        // No answer: the call may still hold Zuora's slot, so it keeps its own through the loop's backoff.
        if (!answer) return undefined;
        const { reading, at } = learn(answer);
        if (reading.kind === "concurrency") {
          if (shutOutTooLong(state, at, options.maxConcurrencyWaitMs)) {
            log?.info(
              () =>
                `limiter: Zuora refused every call for concurrency for ${at - state.shutOutSince} ms (maxConcurrencyWaitMs): ${target(request)} fails`,
              request.secrets,
            );
            return "final";
          }
          // Queueing: for a slot freed by a call of this client's, or after a hold when other clients fill the tenant.
          return { queued: true, done: requeue(signal, at) };
        }
        if (!decision.retry) return "final";
        // A refusal for the rate waits for the reset in the queue; anything else backs off as the retry loop said.
        const inQueue = reading.kind === "rate";
        const done = inQueue ? requeue(signal, at) : sleep(decision.delayMs, signal).then(() => requeue(signal, now()));
        return { queued: false, done };
      };
      let response: Response;
      try {
        response = await next(request);
      } catch (error) {
        if (holding) release(ended(state), now());
        throw error;
      }
      if (learnt !== response) learn(response);
      return response;
    },
  };
}

/** Logs what an answer changed in the limiter: the limit, a hold, a window nobody reports any more. */
function tell(log: Log, before: LimiterState, after: LimiterState, at: number, reading?: LimitReading): void {
  const limit = Math.floor(after.limit);
  if (limit !== Math.floor(before.limit)) log.debug(() => `limiter: at most ${limit} call(s) at once now`);
  if (after.holdUntil > before.holdUntil) {
    const line = () =>
      `limiter: Zuora refused every call out for concurrency (others fill the tenant); one tries again in ${Math.ceil(after.holdUntil - at)} ms`;
    // The first wait of a run says so; the next ones (a few a second at most) only at debug.
    (after.waits === 1 ? log.info : log.debug)(line);
  }
  if (Number.isFinite(before.allowance) && !Number.isFinite(after.allowance) && reading?.remaining === undefined) {
    log.debug(() => "limiter: answers no longer report RateLimit-Remaining");
  }
}
