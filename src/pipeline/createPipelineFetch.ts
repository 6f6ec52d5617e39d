import { bodyBytes } from "./serializedBody.js";
import type { CallInfo, FetchLike, PipelineRequest, Policy, SendRequest } from "./types.js";

const callInfos = new WeakMap<Response, CallInfo>();

/**
 * Attempts, idempotency key and track id of the call that produced `response` (one returned by the client), or
 * undefined for a response the client did not produce.
 */
export function callInfo(response: Response): CallInfo | undefined {
  return callInfos.get(response);
}

/** Options of {@link createPipelineFetch}. */
export interface PipelineFetchOptions {
  /** Treat every request as safe to send again (used for the OAuth token request, which changes nothing). */
  replayable?: boolean;
}

/**
 * Builds the `fetch` handed to openapi-fetch: it turns openapi-fetch's `Request` into a {@link PipelineRequest},
 * runs it through `policies` (first = outermost) and then `transport`, and records the call's info on the response.
 */
export function createPipelineFetch(
  policies: readonly Policy[],
  transport: FetchLike,
  options: PipelineFetchOptions = {},
): (input: Request) => Promise<Response> {
  const network: SendRequest = (request) =>
    transport(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: request.signal ?? null,
      redirect: "follow",
    });
  // Compose once: policy i calls policy i+1, the last calls the network.
  const send = policies.reduceRight<SendRequest>((next, policy) => (request) => policy.send(request, next), network);
  const replayable = options.replayable ?? false;

  return async (input: Request) => {
    const request: PipelineRequest = {
      url: input.url,
      method: input.method,
      // openapi-fetch's Request is ours alone, so its headers can be edited in place rather than copied.
      headers: input.headers,
      body: await bodyBytes(input),
      signal: input.signal,
      replayable,
      info: { attempts: 0, idempotencyKey: undefined, trackId: undefined, unanswered: 0 },
    };
    const response = await send(request);
    callInfos.set(response, request.info);
    return response;
  };
}
