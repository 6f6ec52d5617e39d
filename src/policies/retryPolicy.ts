import { type ErrorContext, errorFromResponse } from "../errors/errorFromResponse.js";
import { attemptsText, mayHaveActedCaveat, recordDetails, uncertainAfter } from "../errors/mayHaveActed.js";
import { redactedCause } from "../errors/redactedCause.js";
import { causeText, rootCause } from "../errors/rootCause.js";
import { ZuoraApiError, ZuoraConnectionError, ZuoraTimeoutError } from "../errors/ZuoraApiError.js";
import type { Log } from "../options/log.js";
import { abortable } from "../pipeline/abortable.js";
import { onAbort } from "../pipeline/onAbort.js";
import { pipelineRequest } from "../pipeline/pipelineRequest.js";
import { target } from "../pipeline/target.js";
import type { PipelineRequest, Policy } from "../pipeline/types.js";
import { CorruptBody, NotAResponse, readResponse, UnusableResponse } from "../read/readResponse.js";
import { type BackoffOptions, decideRetry } from "./retryStrategy.js";
import type { Sleep } from "./sleep.js";

/** Options of {@link retryPolicy}. (Each call brings its own retry count and time limit: `PreparedCall`.) */
export interface RetryPolicyOptions extends BackoffOptions {
  /** The most bytes of one response body read, after decoding (the client's `maxResponseBytes`). */
  maxResponseBytes: number;
  /** Methods that are safe to send again without a key. */
  idempotentMethods: ReadonlySet<string>;
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
    async send(request, next) {
      const callerSignal = request.signal;
      const keyed = request.headers.has("idempotency-key");
      const replayable = request.replayable || keyed || options.idempotentMethods.has(request.method);
      const { changesState, info, maxRetries } = request;
      for (let attempt = 1; ; attempt++) {
        callerSignal?.throwIfAborted();
        info.attempts++;
        const started = performance.now();
        const outcome = await sendOnce(request, next, callerSignal, options.maxResponseBytes);
        if (callerSignal?.aborted) throw callerSignal.reason;
        const logAttempt = (then?: string) =>
          log.debug(() => attemptLine(request, attempt, outcome, started, then), request.secrets);
        if (outcome.error instanceof UnusableResponse) {
          logAttempt("not retried: unusable");
          // Its answer is judged (and counted for mayHaveActed) where its error is made, in errorFromResponse.
          throw unusableResponseError(request, outcome.error, options);
        }
        // What this attempt leaves open, counted for the rule of mayHaveActed.
        info.uncertainAttempts = uncertainAfter(info.uncertainAttempts, {
          changesState,
          keyed,
          status: outcome.response?.status,
          unreadable: outcome.error instanceof NotAResponse,
        });
        if (outcome.error instanceof NotAResponse) {
          logAttempt("not retried: no Response");
          throw notAResponseError(request, outcome.error);
        }

        const decision = decideRetry({ attempt, maxRetries, replayable, keyed, ...outcome }, options);
        // A limiter above may take the wait over (for a slot, the rate window's reset, a hold), resend a concurrency
        // refusal the loop would not (queueing, not a retry), or end the call with this answer.
        const answer = outcome.response;
        const limited =
          answer !== undefined && (decision.retry || answer.status === 429)
            ? request.waitToResend?.(answer, decision, callerSignal)
            : undefined;
        if (limited === "final" || (!decision.retry && limited === undefined)) {
          logAttempt();
          const reason = decision.retry ? "the limiter gave up" : decision.reason;
          if (isTransient(reason)) log.info(() => `giving up on ${target(request)}: ${reason}`, request.secrets);
          if (answer) return answer;
          throw transportError(request, outcome, options.context, reason);
        }
        if (limited?.queued) {
          logAttempt("refused for concurrency: queued (not a retry)");
          await limited.done;
          attempt--;
          continue;
        }
        const delayMs = decision.retry ? decision.delayMs : 0;
        logAttempt(`next attempt in ${delayMs} ms`);
        log.info(
          () =>
            `retrying ${target(request)} in ${delayMs} ms (${decision.reason}) after ${describe(outcome)}; attempt ${attempt + 1} of ${maxRetries + 1}`,
          request.secrets,
        );
        await (limited ? limited.done : options.sleep(delayMs, callerSignal));
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
  const stopFollowing = callerSignal && onAbort(callerSignal, () => controller.abort(callerSignal.reason));
  const timer = setTimeout(() => controller.abort(new AttemptTimeout(`no response within ${timeoutMs} ms`)), timeoutMs);
  let status: number | undefined;
  let bodyRead = false;
  try {
    // A copy with the attempt's signal: the call's own request keeps the caller's.
    const sent = next(pipelineRequest(request, controller.signal, request));
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
    stopFollowing?.();
    // The attempt is judged: close what is left of its answer (a 205 announcing a body fetch never hands over, a
    // stalled body), or the server may hold the connection open. A body read to its end needs no abort.
    if (!bodyRead) controller.abort();
  }
}

function unusableResponseError(request: PipelineRequest, unusable: UnusableResponse, options: RetryPolicyOptions) {
  return errorFromResponse({
    operation: target(request),
    changesState: request.changesState,
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
function notAResponseError(request: PipelineRequest, error: NotAResponse) {
  const record = recordDetails(request.info);
  return new ZuoraApiError({
    ...record,
    message: `${target(request)} failed: ${error.message} (attempt ${record.attempts}, not retried)${mayHaveActedCaveat(record)}`,
  });
}

function transportError(request: PipelineRequest, attempt: Attempt, context: ErrorContext, why: string) {
  const { error } = attempt;
  const redact = (text: string) => context.redactor.redact(text, request.secrets);
  const root = rootCause(error);
  const cause = { ...root, message: redact(root.message) };
  const details = {
    ...recordDetails(request.info),
    retryable: true,
    cause: redactedCause(error, redact),
    rootCause: cause,
    // The status of an answer whose body stalled or was cut off: the caller learns what the server had said.
    status: attempt.status,
  };
  const tries = attemptsText(details.attempts);
  const caveat = mayHaveActedCaveat(details);
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
