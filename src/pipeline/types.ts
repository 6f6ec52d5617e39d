import type { RetryDecision } from "../policies/retryStrategy.js";

/** What the pipeline learns about one logical call; read it back with `callInfo(response)`. */
export interface CallInfo {
  /** How many times the request went to the network (1 = no retry; a 401 refresh adds one). */
  attempts: number;
  /** The `Idempotency-Key` every attempt carried, if any. */
  idempotencyKey: string | undefined;
  /** The `Zuora-Track-Id` sent, if any. */
  trackId: string | undefined;
  /**
   * Attempts of a request that changes state (PUT, DELETE, POST) that may have reached Zuora without an answer that
   * settles them (no answer, a 5xx, an answer the client could not read), the last one included; a keyed resend
   * answered with the key's outcome settles those before it. Above 0, Zuora may have acted (`mayHaveActed`).
   */
  uncertainAttempts: number;
  /** How long the call waited in the client's queue (`maxConcurrency`, a rate-limit reset), in ms; 0 = sent at once. */
  queuedMs: number;
}

/** The request a call prepared: validated, serialized, its URL built. Nothing in it is read from the caller again. */
export interface PreparedCall {
  /** The operation's id (`createEntity`), or `METHOD /path` for a path the spec does not describe. */
  readonly operationId: string;
  /** The whole URL, path and query values encoded. */
  readonly url: string;
  readonly method: string;
  /** Ours alone: the policies edit it in place. */
  readonly headers: Headers;
  body: Uint8Array<ArrayBuffer> | null;
  /** The caller's signal: aborting it stops the call, token request, retries and waits included. */
  readonly signal: AbortSignal | undefined;
  /** Time limit of one attempt, body included, in ms (the call's own, or the client's). */
  readonly timeoutMs: number;
  /** Retries after the first attempt (the call's own, or the client's). */
  readonly maxRetries: number;
  /** False for the token request, which carries no bearer token. */
  readonly authenticated: boolean;
  /** The `fetch` this call alone sends with, under every policy (openapi-fetch's per-call `fetch`). */
  readonly transport: FetchLike | undefined;
  /** Credentials in the body (fields the spec marks `format: password`), hidden in the call's errors and logs. */
  readonly bodySecrets: readonly string[];
}

/**
 * A request on its way through the policies. Unlike a fetch `Request`, it is mutable: policies edit `headers` in
 * place and may replace `body`, and the retry policy sends it as many times as it needs (the body is bytes, so every
 * attempt sends the same bytes).
 */
export interface PipelineRequest extends Omit<PreparedCall, "bodySecrets"> {
  /** The caller's signal (aborting it stops the call, retries included), or the per-attempt one below the retry policy. */
  signal: AbortSignal | undefined;
  /** True when the request may be sent again although its method is not idempotent (e.g. the token request). */
  readonly replayable: boolean;
  /** True when the request changes state at Zuora (not a read, not the token request): a lost answer may hide an action. */
  readonly changesState: boolean;
  /** True when the caller takes a 2xx JSON body already parsed rather than reading it. */
  readonly takesParsed: boolean;
  /** The parsed 2xx JSON body, set by the attempt that read it when {@link takesParsed}. */
  parsed?: unknown;
  readonly info: CallInfo;
  /** The credentials this call sent (the auth policy adds them), hidden in its errors even once the client forgot them. */
  readonly secrets: Set<string>;
  /**
   * Set by the limiter policy, above the retry loop: the retry loop calls it with each attempt it would send again
   * after, and with each 429 it would not (a concurrency refusal is queueing, not a retry), and follows what it
   * returns (see {@link ResendWait} and limiterPolicy.ts). Undefined leaves every wait to the retry loop.
   */
  waitToResend?: ResendWait | undefined;
}

/** What the pipeline keeps about a settled call, handed back with its response (never attached to it). */
export interface CallRecord {
  readonly info: CallInfo;
  readonly method: string;
  readonly url: string;
  /** The call changes state at Zuora (see {@link PipelineRequest.changesState}). */
  readonly changesState: boolean;
  /** The credentials the call sent, to hide in its errors. */
  readonly secrets: ReadonlySet<string>;
  /** The parsed 2xx JSON body, when the call took it parsed; undefined otherwise (JSON never parses to undefined). */
  readonly parsed: unknown;
}

/** A call's response together with the record of how it was obtained. */
export interface Exchange {
  readonly response: Response;
  readonly record: CallRecord;
}

/**
 * What the limiter makes of an answer the retry loop has in hand (see {@link PipelineRequest.waitToResend}), given
 * the loop's own decision and the caller's signal: undefined leaves the decision to the loop (its sleep, or the
 * end); `"final"` ends the call with this answer; otherwise `done` is the wait that replaces the loop's sleep before
 * the resend, and `queued` says whether it is queueing (a concurrency refusal, which Zuora did not act on: no retry
 * spent, whatever `maxRetries` says) rather than a wait on time that spends a retry.
 */
export type ResendWait = (
  answer: Response | undefined,
  decision: RetryDecision,
  signal: AbortSignal | undefined,
) => { queued: boolean; done: Promise<void> } | "final" | undefined;

/** Sends a request on to the next policy (or the network) and resolves to its response. */
export type SendRequest = (request: PipelineRequest) => Promise<Response>;

/** One step of the pipeline: it may edit the request, call `next` (any number of times) and inspect the response. */
export interface Policy {
  send(request: PipelineRequest, next: SendRequest): Promise<Response>;
}

/** The `fetch` the pipeline ends in: the runtime's, or the one the caller injected. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;
