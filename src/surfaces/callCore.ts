import type { Middleware } from "openapi-fetch";
import type { ErrorContext } from "../errors/errorFromResponse.js";
import type { SendCall } from "../pipeline/createPipeline.js";
import type { Exchange } from "../pipeline/types.js";
import { type CallDefaults, type CallRequest, prepareCall } from "../prepare/prepareCall.js";
import { handOut } from "../result/callInfo.js";
import { sendThroughMiddleware } from "./middleware.js";

/** The one way into the client: what every public surface (helpers, `zuora.GET` and the rest) calls through. */
export interface CallCore {
  defaults: CallDefaults;
  /** Sends a prepared call through its policies (the token request's, or every other call's). */
  send: SendCall;
  /** Middleware registered with `zuora.use()`, in order. */
  middleware: Middleware[];
  context: ErrorContext;
}

/** How a surface wants a call's response. */
export interface CallShape {
  /** The call's own middleware (openapi-fetch's per-call `middleware`), after the client's. */
  middleware?: readonly Middleware[] | undefined;
  /** The surface takes a 2xx JSON body parsed (`record.parsed`) rather than reading the response itself. */
  takesParsed: boolean;
  /** openapi-fetch's callback parameters, for middleware (built only when there is middleware). */
  schemaPath: string;
  params: () => Record<string, unknown>;
}

/**
 * Prepares one call and sends it, through middleware when any is registered (which then gets a response whose body
 * it can read: the call takes nothing parsed). Rejects with a ZuoraValidationError before anything is sent, or with
 * whatever the call failed with. The response is handed out: `callInfo(response)` knows it.
 */
export async function runCall(core: CallCore, request: CallRequest, shape: CallShape): Promise<Exchange> {
  const prepared = await prepareCall(request, core.defaults);
  // A copy: use() and eject() during the call (a one-shot middleware ejecting itself) apply to the next call. An
  // empty slot of the call's own list (`[debug ? logger : undefined]`) is skipped, as openapi-fetch and use() do.
  const own = shape.middleware?.length ? shape.middleware.filter((m) => m) : [];
  const middleware = core.middleware.length === 0 && own.length === 0 ? core.middleware : [...core.middleware, ...own];
  const exchange =
    middleware.length === 0
      ? await core.send(prepared, shape.takesParsed)
      : await sendThroughMiddleware(prepared, middleware, core.send, shape);
  handOut(exchange.response, exchange.record.info);
  return exchange;
}
