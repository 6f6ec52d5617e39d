import { type ErrorContext, errorFromResponse } from "../errors/errorFromResponse.js";
import { mayHaveActedCaveat } from "../errors/mayHaveActed.js";
import { redactedCause } from "../errors/redactedCause.js";
import { causeText, rootCause } from "../errors/rootCause.js";
import { ZuoraApiError, ZuoraConnectionError, ZuoraTimeoutError } from "../errors/ZuoraApiError.js";
import type { Log } from "../logging/log.js";
import { abortable } from "../pipeline/abortable.js";
import { CorruptBody, NotAResponse, readResponse, UnusableResponse } from "../pipeline/readResponse.js";
import { target } from "../pipeline/target.js";
import type { PipelineRequest, Policy } from "../pipeline/types.js";
import { type BackoffOptions, decideRetry } from "../retry/retryStrategy.js";
import type { Sleep } from "../retry/sleep.js";

/** Options of {@link retryPolicy}. (Each call brings its own retry count and time limit: `PreparedCall`.) */
export interface RetryPolicyOptions extends BackoffOptions {
  /** The most bytes of one response body read, after decoding (the client's `maxResponseBytes`). */
  maxResponseBytes: number;
  /** Methods that are safe to send again without a key. */
  idempotentMethods: ReadonlySet<string>;
  /** Methods that change nothing, so a lost answer to them hides no action. */
  safeMethods: ReadonlySet<string>;
  sleep: Sleep;
  /** Redaction and clock for the errors this policy builds. */
  context: ErrorContext;
  /** This is the token request: an unusable response is an authentication failure. Defaults to false. */
  authentication?: boolean;
  /** Where the attempt lines (debug) and retry decisions (info) go. */
  log: Log;
}

/** The reason an attempt's signal aborts with when its time is up (told apart from the caller's abort). */
class AttemptTimeout extends Error {
  override name = "TimeoutError";
}

/**
 * The retry loop, the innermost policy: sends the request, and sends it again while {@link decideRetry} says so,
 * waiting between attempts. Each attempt has its own time limit and reads the whole response body inside it (see
 * {@link readResponse}), so a stalled or truncated body counts as a failed attempt (and is retried) rather than
 * surfacing after the loop. A response that cannot be handed on (a status outside 200–599, a 2xx that is not JSON)
 * ends the call at once with a ZuoraApiError carrying its status. The caller's abort stops everything at once,
 * waits included, and rejects with the caller's own reason. Logs one line per attempt at debug and one per retry
 * decision at info.
 */
export function retryPolicy(options: RetryPolicyOptions): Policy {
  const { log } = options;
  return {
    name: "retryPolicy",
    async send(request, next) {
      const callerSignal = request.signal;
      const keyed = request.headers.has("idempotency-key");
      const replayable = request.replayable || keyed || options.idempotentMethods.has(request.method);
      // A state change whose attempt went unanswered (or met a 5xx) may have happened: without a key Zuora cannot tell
      // a resend from a new request, and with one a resend may find the first still in progress. Counting such
      // attempts lets the final answer or error say that the call may have taken effect.
      const changesState = !request.replayable && !options.safeMethods.has(request.method);
      const { maxRetries } = request;
      for (let attempt = 1; ; attempt++) {
        callerSignal?.throwIfAborted();
        request.info.attempts++;
        const started = performance.now();
        const outcome = await sendOnce(request, next, callerSignal, options.maxResponseBytes);
        if (callerSignal?.aborted) throw callerSignal.reason;
        if (outcome.error instanceof UnusableResponse) {
          log.debug(() => attemptLine(request, attempt, outcome, started, "not retried: unusable"), request.secrets);
          throw unusableResponseError(request, outcome.error, options);
        }
        if (outcome.error instanceof NotAResponse) {
          log.debug(() => attemptLine(request, attempt, outcome, started, "not retried: no Response"), request.secrets);
          throw notAResponseError(request, outcome.error, changesState);
        }

        const decision = decideRetry({ attempt, maxRetries, replayable, keyed, ...outcome }, options);
        const status = outcome.response?.status ?? outcome.status;
        const uncertain = outcome.error !== undefined || (status !== undefined && status >= 500);
        if (!decision.retry) {
          log.debug(() => attemptLine(request, attempt, outcome, started), request.secrets);
          if (isTransient(decision.reason)) {
            log.info(() => `giving up on ${target(request)}: ${decision.reason}`, request.secrets);
          }
          if (outcome.response) return outcome.response;
          // No attempt's outcome is known, keyed or not: Zuora may have acted on any of them. With a key, the message
          // says to learn the outcome by sending again with the same key (a new key could act twice).
          throw transportError(request, outcome, options.context, decision.reason, changesState);
        }
        log.debug(
          () => attemptLine(request, attempt, outcome, started, `next attempt in ${decision.delayMs} ms`),
          request.secrets,
        );
        log.info(
          () =>
            `retrying ${target(request)} in ${decision.delayMs} ms (${decision.reason}) after ${describe(outcome)}; attempt ${attempt + 1} of ${maxRetries + 1}`,
          request.secrets,
        );
        if (changesState && uncertain) request.info.uncertainAttempts++;
        // A limiter above may wait instead (for a free slot, or the rate limit's reset); a wait for a slot of the
        // client's own is queueing, not a retry.
        const queued = await (request.waitToResend?.(outcome.response, decision.delayMs, callerSignal) ??
          options.sleep(decision.delayMs, callerSignal));
        if (queued === true) attempt--;
      }
    },
  };
}

/** Whether a decision not to retry gave up on a failure that could have been retried (not a final answer). */
function isTransient(reason: string): boolean {
  return !reason.endsWith("is final") && reason !== "no response";
}

/** What an attempt ended with, in a few words: `HTTP 503`, `TimeoutError: no response within 100 ms`. */
function describe(outcome: Attempt): string {
  if (outcome.response) return `HTTP ${outcome.response.status}`;
  const cause = rootCause(outcome.error);
  const head = outcome.status === undefined ? "" : `HTTP ${outcome.status} head, then `;
  return `${head}${causeText(cause)}`;
}

/** One attempt, for the debug log: method, URL, outcome, attempt number, elapsed ms, request id, what comes next. */
function attemptLine(request: PipelineRequest, attempt: number, outcome: Attempt, started: number, then?: string) {
  const elapsedMs = Math.round(performance.now() - started);
  const requestId = outcome.response?.headers.get("zuora-request-id");
  const id = requestId ? `, Zuora-Request-Id ${requestId}` : "";
  return `${request.method} ${request.url} attempt ${attempt}: ${describe(outcome)} in ${elapsedMs} ms${id}${then ? `; ${then}` : ""}`;
}

/** What one attempt ended with; `status` is set once the answer's head arrived, even when its body never did. */
interface Attempt {
  response?: Response;
  error?: unknown;
  status?: number | undefined;
}

async function sendOnce(
  request: PipelineRequest,
  next: (request: PipelineRequest) => Promise<Response>,
  callerSignal: AbortSignal | undefined,
  maxResponseBytes: number,
): Promise<Attempt> {
  const { timeoutMs } = request;
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new AttemptTimeout(`no response within ${timeoutMs} ms`)), timeoutMs);
  let status: number | undefined;
  let bodyRead = false;
  try {
    // Spelled out, not spread (see createPipeline.ts); the caller's request keeps the caller's signal.
    const sent = next({
      operationId: request.operationId,
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
      timeoutMs,
      maxRetries: request.maxRetries,
      authenticated: request.authenticated,
      transport: request.transport,
      replayable: request.replayable,
      takesParsed: request.takesParsed,
      info: request.info,
      secrets: request.secrets,
    });
    // Settles at the time limit (or the caller's abort) even when a custom fetch ignores the signal it was given.
    const response = await abortable(
      sent.then((answered) => {
        // A fetch that ignores the signal may answer after the attempt gave up: nobody reads that body, so cancel
        // it rather than leave its connection open.
        if (controller.signal.aborted) {
          if (typeof answered?.body?.cancel === "function") answered.body.cancel().catch(() => {});
          throw controller.signal.reason;
        }
        const received = NotAResponse.check(answered);
        status = received.status;
        // The parsed body goes on the call's own request, which outlives this attempt's copy.
        return readResponse(received, maxResponseBytes, request.takesParsed ? request : undefined).then((read) => {
          bodyRead = received.bodyUsed;
          return read;
        });
      }),
      controller.signal,
    );
    return { response };
  } catch (error) {
    if (error instanceof UnusableResponse || error instanceof CorruptBody || error instanceof NotAResponse) {
      return { error, status };
    }
    // The per-attempt signal's reason is the most telling error: fetch wraps it inconsistently across runtimes.
    return { error: controller.signal.aborted ? controller.signal.reason : error, status };
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener("abort", onCallerAbort);
    // The attempt is judged; nothing more of its response is wanted. A 205 (or 204, 304) that announces a body has
    // none that fetch hands over, so nothing else could cancel it, and a server stalling that body would hold the
    // connection open for as long as it likes. A body read to its end needs no abort, and skipping it is most of a
    // call's cost saved: an abort makes a DOMException per attempt.
    if (!bodyRead) controller.abort();
  }
}

function unusableResponseError(request: PipelineRequest, unusable: UnusableResponse, options: RetryPolicyOptions) {
  return errorFromResponse({
    operation: target(request),
    response: unusable.response,
    body: undefined,
    info: request.info,
    secrets: request.secrets,
    context: options.context,
    malformed: unusable.problem,
    authentication: options.authentication ?? false,
  });
}

/** The call's fetch resolved to no Response: a bug in that fetch, not retried; it may have sent the request. */
function notAResponseError(request: PipelineRequest, error: NotAResponse, mayHaveActed: boolean) {
  const { attempts, idempotencyKey, trackId } = request.info;
  const caveat = mayHaveActed ? mayHaveActedCaveat(idempotencyKey) : "";
  return new ZuoraApiError({
    message: `${target(request)} failed: ${error.message} (attempt ${attempts}, not retried)${caveat}`,
    attempts,
    idempotencyKey,
    trackId,
    mayHaveActed,
  });
}

function transportError(
  request: PipelineRequest,
  attempt: Attempt,
  context: ErrorContext,
  why: string,
  changesState: boolean,
) {
  const { error } = attempt;
  const attempts = request.info.attempts;
  const redact = (text: string) => context.redactor.redact(text, request.secrets);
  const root = rootCause(error);
  const cause = { ...root, message: redact(root.message) };
  const details = {
    attempts,
    queuedMs: request.info.queuedMs,
    idempotencyKey: request.info.idempotencyKey,
    trackId: request.info.trackId,
    retryable: true,
    // No attempt was answered: a state change may have happened all the same.
    mayHaveActed: changesState,
    cause: redactedCause(error, redact),
    rootCause: cause,
    // The status of an answer whose body stalled or was cut off: the caller learns what the server had said.
    status: attempt.status,
  };
  const tries = `${attempts} attempt${attempts === 1 ? "" : "s"}`;
  const caveat = changesState ? mayHaveActedCaveat(request.info.idempotencyKey) : "";
  const head = attempt.status === undefined ? "" : `, the last one's body after its HTTP ${attempt.status} head`;
  if (error instanceof AttemptTimeout) {
    return new ZuoraTimeoutError({
      ...details,
      message: redact(`${target(request)} timed out after ${tries}${head} (${causeText(cause)}); ${why}${caveat}`),
    });
  }
  const got = attempt.status === undefined ? "got no response" : `got no complete HTTP ${attempt.status} response`;
  return new ZuoraConnectionError({
    ...details,
    message: redact(`${target(request)} ${got} after ${tries} (${causeText(cause)}); ${why}${caveat}`),
  });
}
