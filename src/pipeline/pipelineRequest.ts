import type { PipelineRequest, PreparedCall } from "./types.js";

/** What the pipeline adds to a prepared call for its walk through the policies. */
export type CallState = Pick<PipelineRequest, "replayable" | "changesState" | "takesParsed" | "info" | "secrets">;

/**
 * The request a prepared call starts its walk with, or a copy of one that the retry loop sends with an attempt's own
 * signal: the one place a request's fields are listed. Listed rather than spread, so every request has one shape
 * (see docs/performance.md, "Where a call's time goes").
 */
export function pipelineRequest(
  from: Omit<PreparedCall, "bodySecrets">,
  signal: AbortSignal | undefined,
  state: CallState,
): PipelineRequest {
  return {
    operationId: from.operationId,
    url: from.url,
    method: from.method,
    headers: from.headers,
    body: from.body,
    signal,
    timeoutMs: from.timeoutMs,
    maxRetries: from.maxRetries,
    authenticated: from.authenticated,
    transport: from.transport,
    replayable: state.replayable,
    changesState: state.changesState,
    takesParsed: state.takesParsed,
    parsed: undefined,
    info: state.info,
    secrets: state.secrets,
    waitToResend: undefined,
  };
}
