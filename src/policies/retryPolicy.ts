import { type ErrorContext, errorFromResponse } from "../errors/errorFromResponse.js";
import { redactedCause } from "../errors/redactedCause.js";
import { causeText, rootCause } from "../errors/rootCause.js";
import { ZuoraConnectionError, ZuoraTimeoutError } from "../errors/ZuoraApiError.js";
import { CorruptBody, readAnswer, UnusableAnswer } from "../pipeline/readAnswer.js";
import { target } from "../pipeline/target.js";
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
  /** Redaction and clock for the errors this policy builds. */
  context: ErrorContext;
  /** This is the token request: an unusable answer is an authentication failure. Defaults to false. */
  authentication?: boolean;
}

/** The reason an attempt's signal aborts with when its time is up (told apart from the caller's abort). */
class AttemptTimeout extends Error {
  override name = "TimeoutError";
}

/**
 * The retry loop, the innermost policy: sends the request, and sends it again while {@link decideRetry} says so,
 * waiting between attempts. Each attempt has its own time limit and reads the whole response body inside it (see
 * {@link readAnswer}), so a stalled or truncated body counts as a failed attempt (and is retried) rather than
 * surfacing after the loop. An answer that cannot be handed on (a status outside 200–599, a 2xx that is not JSON)
 * ends the call at once with a ZuoraApiError carrying its status. The caller's abort stops everything at once,
 * waits included, and rejects with the caller's own reason.
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
        if (outcome.error instanceof UnusableAnswer) throw unusableAnswerError(request, outcome.error, options);

        const decision = decideRetry(
          { attempt, maxRetries: options.maxRetries, replayable, keyed, ...outcome },
          options,
        );
        if (!decision.retry) {
          if (outcome.response) return outcome.response;
          throw transportError(request, outcome, options.context, decision.reason, changesState);
        }
        const status = outcome.response?.status ?? 0;
        if (changesState && (outcome.error !== undefined || status >= 500)) request.info.unanswered++;
        // A limiter above may wait instead (for a free slot, or the rate limit's reset); a wait for a slot of the
        // client's own is queueing, not a retry.
        const queued = await (request.waitToResend?.(outcome.response, decision.delayMs, callerSignal) ??
          options.sleep(decision.delayMs, callerSignal));
        if (queued === true) attempt--;
      }
    },
  };
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
  timeoutMs: number,
): Promise<Attempt> {
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new AttemptTimeout(`no response within ${timeoutMs} ms`)), timeoutMs);
  let status: number | undefined;
  let bodyRead = false;
  try {
    // Spelled out, not spread (see createPipeline.ts); the caller's request keeps the caller's signal.
    const received = await next({
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
      replayable: request.replayable,
      takesParsedAnswer: request.takesParsedAnswer,
      info: request.info,
      secrets: request.secrets,
    });
    status = received.status;
    // The parsed body goes on the call's own request, which outlives this attempt's copy.
    const response = await readAnswer(received, request.takesParsedAnswer ? request : undefined);
    bodyRead = received.bodyUsed;
    return { response };
  } catch (error) {
    if (error instanceof UnusableAnswer || error instanceof CorruptBody) return { error, status };
    // The per-attempt signal's reason is the most telling error: fetch wraps it inconsistently across runtimes.
    return { error: controller.signal.aborted ? controller.signal.reason : error, status };
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener("abort", onCallerAbort);
    // The attempt is judged; nothing more of its answer is wanted. A 205 (or 204, 304) that announces a body has
    // none that fetch hands over, so nothing else could cancel it, and a server stalling that body would hold the
    // connection open for as long as it likes. A body read to its end needs no abort, and skipping it is most of a
    // call's cost saved: an abort makes a DOMException per attempt.
    if (!bodyRead) controller.abort();
  }
}

function unusableAnswerError(request: PipelineRequest, answer: UnusableAnswer, options: RetryPolicyOptions) {
  return errorFromResponse({
    operation: target(request),
    response: answer.response,
    body: undefined,
    info: request.info,
    secrets: request.secrets,
    context: options.context,
    malformed: answer.problem,
    authentication: options.authentication ?? false,
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
  const head = attempt.status === undefined ? "" : `, the last one's body after its HTTP ${attempt.status} head`;
  if (error instanceof AttemptTimeout) {
    return new ZuoraTimeoutError({
      ...details,
      message: redact(`${target(request)} timed out after ${tries}${head} (${causeText(cause)}); ${why}`),
    });
  }
  const got = attempt.status === undefined ? "got no response" : `got no complete HTTP ${attempt.status} response`;
  return new ZuoraConnectionError({
    ...details,
    message: redact(`${target(request)} ${got} after ${tries} (${causeText(cause)}); ${why}`),
  });
}
