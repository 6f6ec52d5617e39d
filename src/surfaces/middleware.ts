import {
  defaultPathSerializer,
  type MergedOptions,
  type Middleware,
  type MiddlewareCallbackParams,
} from "openapi-fetch";
import { newCallInfo, type SendCall } from "../pipeline/createPipeline.js";
import type { Exchange, PreparedCall } from "../pipeline/types.js";
import { defaultQuerySerializer } from "../prepare/prepareCall.js";

/** What middleware is told besides the request: openapi-fetch's callback parameters. */
export interface MiddlewareSubject {
  schemaPath: string;
  params: () => Record<string, unknown>;
}

let nextId = 0;

/**
 * Sends a prepared call with openapi-fetch-style middleware around the whole call (once per call, not per attempt):
 * - `onRequest`, in order, gets the request as prepared and validated, before the policies add Authorization,
 *   Idempotency-Key, Zuora-Track-Id, Zuora-Entity-Ids and compression. A `Request` it returns is sent instead (as
 *   given: it is not validated again), and headers it sets on the one it was given travel; a `Response` it returns
 *   is the answer, and nothing is sent.
 * - `onError`, in reverse order, gets the error the call failed with; a `Response` it returns is the answer instead,
 *   an `Error` replaces the error.
 * - `onResponse`, in reverse order, gets the final response (after retries), its body unread; a `Response` it
 *   returns replaces it.
 */
export async function sendThroughMiddleware(
  prepared: PreparedCall,
  middleware: readonly Middleware[],
  send: SendCall,
  subject: MiddlewareSubject,
): Promise<Exchange> {
  const id = `zuora-${++nextId}`;
  const options: MergedOptions = Object.freeze({
    baseUrl: new URL(prepared.url).origin,
    parseAs: "json",
    querySerializer: defaultQuerySerializer,
    bodySerializer: JSON.stringify,
    pathSerializer: defaultPathSerializer,
    fetch: globalThis.fetch,
  });
  let request = new Request(prepared.url, {
    method: prepared.method,
    headers: prepared.headers,
    body: prepared.body,
  });
  const given = subject.params();
  const params = (): MiddlewareCallbackParams => ({
    request,
    schemaPath: subject.schemaPath,
    params: given,
    id,
    options,
  });
  let exchange: Exchange | undefined;
  let replaced = false;
  for (const m of middleware) {
    if (!m.onRequest) continue;
    const result = await m.onRequest(params());
    if (result instanceof Request) {
      request = result;
      replaced = true;
    } else if (result instanceof Response) {
      exchange = { response: result, record: unsent(prepared) };
      break;
    } else if (result !== undefined) throw new TypeError("onRequest must return a Request, a Response or nothing");
  }
  if (!exchange) {
    // As openapi-fetch does, the Request middleware last had is sent: headers set on it in place travel too.
    const sent = replaced
      ? await fromRequest(request, prepared)
      : { ...prepared, headers: new Headers(request.headers) };
    try {
      exchange = await send(sent, false);
    } catch (error) {
      let failure: unknown = error;
      for (const m of [...middleware].reverse()) {
        if (!m.onError) continue;
        const result = await m.onError({ ...params(), error: failure });
        if (result instanceof Response) {
          exchange = { response: result, record: unsent(prepared) };
          break;
        }
        if (result instanceof Error) failure = result;
        else if (result !== undefined) throw new TypeError("onError must return a Response, an Error or nothing");
      }
      if (!exchange) throw failure;
    }
  }
  for (const m of [...middleware].reverse()) {
    if (!m.onResponse) continue;
    const result = await m.onResponse({ ...params(), response: exchange.response });
    if (result instanceof Response) exchange = { response: result, record: exchange.record };
    else if (result !== undefined) throw new TypeError("onResponse must return a Response or nothing");
  }
  return exchange;
}

/** The call as a middleware's Request describes it: its URL, method, headers and body; the rest stays the call's. */
async function fromRequest(request: Request, prepared: PreparedCall): Promise<PreparedCall> {
  return {
    ...prepared,
    url: request.url,
    method: request.method,
    headers: new Headers(request.headers),
    body: request.body ? new Uint8Array(await request.arrayBuffer()) : null,
  };
}

/** The record of a call middleware answered itself: nothing went out. */
function unsent(prepared: PreparedCall): Exchange["record"] {
  return {
    info: newCallInfo(),
    method: prepared.method,
    url: prepared.url,
    changesState: false,
    secrets: new Set(),
    parsed: undefined,
  };
}
