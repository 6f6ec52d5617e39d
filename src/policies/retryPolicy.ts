import type { SecretRedactor } from "../errors/redact.js";
import { ZuoraConnectionError, ZuoraTimeoutError } from "../errors/ZuoraApiError.js";
import type { PipelineRequest, Policy } from "../pipeline/types.js";
import { type BackoffOptions, decideRetry } from "../retry/retryStrategy.js";
import type { Sleep } from "../retry/sleep.js";

/** Options of {@link retryPolicy}. */
export interface RetryPolicyOptions extends BackoffOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Time limit of one attempt, response body included, in ms. */
  timeoutMs: number;
  /** Methods that are safe to send again without a key. */
  idempotentMethods: ReadonlySet<string>;
  /** Methods that change nothing, so a lost answer to them hides no action. */
  safeMethods: ReadonlySet<string>;
  sleep: Sleep;
  redactor: SecretRedactor;
}

/** The reason an attempt's signal aborts with when its time is up (told apart from the caller's abort). */
class AttemptTimeout extends Error {
  override name = "TimeoutError";
}

/** The reason an attempt fails when its JSON body does not parse: it was cut off or corrupted in transit. */
class CorruptBody extends Error {
  override name = "CorruptBodyError";
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;
const utf8 = new TextDecoder();

// Statuses whose response has no body: a Response cannot be built with one.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The retry loop, the innermost policy: sends the request, and sends it again while {@link decideRetry} says so,
 * waiting between attempts. Each attempt has its own time limit and reads the whole response body inside it, so a
 * stalled or truncated body counts as a failed attempt (and is retried) rather than surfacing after the loop. The
 * caller's abort stops everything at once, waits included.
 */
export function retryPolicy(options: RetryPolicyOptions): Policy {
  return {
    name: "retryPolicy",
    async send(request, next) {
      const callerSignal = request.signal;
      const keyed = request.headers.has("idempotency-key");
      const replayable = request.replayable || keyed || options.idempotentMethods.has(request.method);
      // A state change (PUT, DELETE) carries no key, so Zuora cannot tell a resend from a new request: if an attempt's
      // answer is lost after Zuora acted, the resend meets the new state ("already provisioned", 404). Counting such
      // attempts lets the final answer or error say that the call may have taken effect.
      const changesState = !keyed && !request.replayable && !options.safeMethods.has(request.method);
      for (let attempt = 1; ; attempt++) {
        callerSignal?.throwIfAborted();
        request.info.attempts++;
        const outcome = await sendOnce(request, next, callerSignal, options.timeoutMs);
        if (callerSignal?.aborted) throw callerSignal.reason;

        const decision = decideRetry(
          { attempt, maxRetries: options.maxRetries, replayable, keyed, ...outcome },
          options,
        );
        if (!decision.retry) {
          if (outcome.response) return outcome.response;
          throw transportError(request, outcome.error, options.redactor, decision.reason, changesState);
        }
        const status = outcome.response?.status ?? 0;
        if (changesState && (outcome.error !== undefined || status >= 500)) request.info.unanswered++;
        await options.sleep(decision.delayMs, callerSignal);
      }
    },
  };
}

async function sendOnce(
  request: PipelineRequest,
  next: (request: PipelineRequest) => Promise<Response>,
  callerSignal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<{ response?: Response; error?: unknown }> {
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new AttemptTimeout(`no response within ${timeoutMs} ms`)), timeoutMs);
  try {
    const received = await next({ ...request, signal: controller.signal });
    const body = NULL_BODY_STATUSES.has(received.status) ? null : await received.arrayBuffer();
    if (body && body.byteLength > 0 && JSON_TYPE.test(received.headers.get("content-type") ?? "")) {
      // fetch's gunzip does not flag a truncated gzip stream: it yields the bytes it got. A JSON body that does not
      // parse is such a body (or a corrupted one), so the attempt fails here, where it can be retried.
      try {
        JSON.parse(utf8.decode(body));
      } catch {
        throw new CorruptBody(
          `HTTP ${received.status} response body is not valid JSON (cut off or corrupted in transit)`,
        );
      }
    }
    const response = new Response(body, {
      status: received.status,
      statusText: received.statusText,
      headers: received.headers,
    });
    return { response };
  } catch (error) {
    // The per-attempt signal's reason is the most telling error: fetch wraps it inconsistently across runtimes.
    return { error: controller.signal.aborted ? controller.signal.reason : error };
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener("abort", onCallerAbort);
  }
}

function transportError(
  request: PipelineRequest,
  error: unknown,
  redactor: SecretRedactor,
  why: string,
  changesState: boolean,
) {
  const { pathname } = new URL(request.url);
  const attempts = request.info.attempts;
  const cause = error instanceof Error ? error.message : String(error);
  const details = {
    attempts,
    idempotencyKey: request.info.idempotencyKey,
    trackId: request.info.trackId,
    retryable: true,
    // No attempt was answered: a state change may have happened all the same.
    mayHaveActed: changesState,
    cause: error,
  };
  const tries = `${attempts} attempt${attempts === 1 ? "" : "s"}`;
  if (error instanceof AttemptTimeout) {
    return new ZuoraTimeoutError({
      ...details,
      message: redactor.redact(`${request.method} ${pathname} timed out after ${tries} (${cause}); ${why}`),
    });
  }
  return new ZuoraConnectionError({
    ...details,
    message: redactor.redact(`${request.method} ${pathname} got no response after ${tries} (${cause}); ${why}`),
  });
}
