import { recordDetails } from "../errors/mayHaveActed.js";
import { authorizationSecrets, type SecretRedactor } from "../errors/redact.js";
import { redactedCause } from "../errors/redactedCause.js";
import { ZuoraApiError } from "../errors/ZuoraApiError.js";
import { ZuoraError } from "../errors/ZuoraError.js";
import { pipelineRequest } from "./pipelineRequest.js";
import { SAFE_METHODS } from "./policyOrder.js";
import { target } from "./target.js";
import type { CallInfo, Exchange, FetchLike, Policy, PreparedCall, SendRequest } from "./types.js";

/** The record of a call nothing has happened to yet: no attempt, no key, no wait. */
export function newCallInfo(): CallInfo {
  return { attempts: 0, idempotencyKey: undefined, trackId: undefined, uncertainAttempts: 0, queuedMs: 0 };
}

/** Options of {@link createPipeline}. */
export interface PipelineOptions {
  /** Treat every request as safe to send again (the OAuth token request, which changes nothing). */
  replayable?: boolean;
  /** Hides secrets in the message of an error no policy expected. */
  redactor: SecretRedactor;
}

/**
 * Sends a prepared call through the policies and resolves to its response and the call's record. `takesParsed`: the
 * caller takes a 2xx JSON body parsed (in `record.parsed`, the response's body then read) rather than reading it.
 */
export type SendCall = (call: PreparedCall, takesParsed: boolean) => Promise<Exchange>;

/**
 * Runs prepared calls through `policies` (first = outermost) and then the call's own `fetch` or `transport`. A call
 * rejects only with a {@link ZuoraError} or the caller's own abort reason; a signal that has already aborted stops
 * the call before any policy runs (no token is requested).
 */
export function createPipeline(policies: readonly Policy[], transport: FetchLike, options: PipelineOptions): SendCall {
  // Async, so that a custom fetch that throws, or returns a Response rather than a promise, is an attempt's outcome.
  const network: SendRequest = async (request) =>
    (request.transport ?? transport)(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: request.signal ?? null,
      // A redirect is the answer, never followed: fetch would replay a POST answered by 302 as a GET (and take its
      // body as the result of the POST). See docs/errors-and-retries.md, "What the client resends".
      redirect: "manual",
    });
  // Compose once: policy i calls policy i+1, the last calls the network.
  const chain = policies.reduceRight<SendRequest>((next, policy) => (request) => policy.send(request, next), network);
  const replayable = options.replayable ?? false;

  return async (call, takesParsed) => {
    const { signal } = call;
    signal?.throwIfAborted();
    const request = pipelineRequest(call, signal, {
      replayable,
      changesState: !replayable && !SAFE_METHODS.has(call.method),
      takesParsed,
      info: newCallInfo(),
      secrets: callerSecrets(call),
    });
    let response: Response;
    try {
      response = await chain(request);
    } catch (error) {
      if (error instanceof ZuoraError || (signal?.aborted && error === signal.reason)) throw error;
      // A safety net: whatever a policy or a custom fetch threw, the caller gets a ZuoraError, its text redacted.
      throw new ZuoraApiError({
        message: options.redactor.redact(
          `${target(request)} failed before an answer: ${error instanceof Error ? error.message : String(error)}`,
          request.secrets,
        ),
        ...recordDetails(request.info),
        cause: redactedCause(error, (text) => options.redactor.redact(text, request.secrets)),
      });
    }
    const { info, method, url, changesState, secrets, parsed } = request;
    return { response, record: { info, method, url, changesState, secrets, parsed } };
  };
}

/**
 * The credentials a call carries before any policy adds one, hidden in its errors and log lines: the body's
 * (fields the spec marks as passwords) and the caller's own Authorization header (from init headers or middleware,
 * on any call, the token request included), in every part a server may echo (see {@link authorizationSecrets}).
 */
function callerSecrets(call: PreparedCall): Set<string> {
  const secrets = new Set(call.bodySecrets);
  const own = call.headers.get("authorization");
  if (own !== null) for (const secret of authorizationSecrets(own)) secrets.add(secret);
  return secrets;
}
