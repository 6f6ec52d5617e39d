import type { Middleware } from "openapi-fetch";
import { ZuoraValidationError } from "../errors/ZuoraValidationError.js";
import type { Exchange } from "../pipeline/types.js";
import { readBodyValue } from "../read/readBodyValue.js";
import { type CallCore, runCall } from "./callCore.js";
import type { ZuoraMethods } from "./methodTypes.js";

/** The methods of openapi-fetch's client, by the name a caller uses. */
const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/** What `zuora.GET(path, init)` and the rest read of `init`: openapi-fetch's options, and the client's own. */
interface Init {
  params?: { path?: unknown; query?: unknown; header?: unknown };
  headers?: unknown;
  body?: unknown;
  bodySerializer?: unknown;
  querySerializer?: unknown;
  parseAs?: unknown;
  baseUrl?: unknown;
  fetch?: unknown;
  middleware?: readonly Middleware[];
  signal?: unknown;
  timeoutMs?: unknown;
  maxRetries?: unknown;
}

const PARSE_AS = new Set(["json", "text", "blob", "arrayBuffer", "stream"]);

/**
 * openapi-fetch's client surface (`GET`, `POST`, ..., `request`, `use`, `eject`), typed by the spec's `paths`, as a
 * thin adapter over the client's one core: each call is validated, sent through the policies, and resolves as
 * openapi-fetch documents (`{ data }` for a 2xx, `{ error }` otherwise, with the `response`). Two differences, both
 * documented in docs/client-options.md, "Per call": a per-call `fetch` replaces the transport under the policies rather than the policies
 * themselves, and the call rejects with a typed error when no response arrives.
 */
export function makeMethods(core: CallCore): ZuoraMethods {
  const send = async (method: string, path: string, given: unknown) => {
    const init = (given ?? {}) as Init;
    const parseAs = init.parseAs ?? "json";
    if (typeof parseAs !== "string" || !PARSE_AS.has(parseAs)) {
      throw new ZuoraValidationError({
        operationId: `${method} ${path}`,
        field: "init.parseAs",
        rule: "enum",
        problem: `must be one of ${[...PARSE_AS].join(", ")}`,
      });
    }
    const params = (init.params ?? {}) as NonNullable<Init["params"]>;
    const exchange = await runCall(
      core,
      {
        method,
        path,
        pathValues: params.path,
        query: params.query,
        headers: [init.headers, params.header],
        body: init.body,
        bodySerializer: init.bodySerializer,
        querySerializer: init.querySerializer,
        baseUrl: init.baseUrl,
        signal: init.signal,
        timeoutMs: init.timeoutMs,
        maxRetries: init.maxRetries,
        fetch: init.fetch,
        optionsName: "init",
      },
      {
        middleware: init.middleware,
        takesParsed: parseAs === "json",
        schemaPath: path,
        params: () => params as Record<string, unknown>,
      },
    );
    return resultOf(exchange, method, parseAs);
  };

  const methods: Record<string, unknown> = {};
  for (const method of METHODS) methods[method] = (path: string, init?: unknown) => send(method, path, init);
  methods.request = (method: string, path: string, init?: unknown) => send(String(method).toUpperCase(), path, init);
  methods.use = (...middleware: Middleware[]) => {
    for (const m of middleware) {
      if (!m) continue;
      if (typeof m !== "object" || !("onRequest" in m || "onResponse" in m || "onError" in m)) {
        throw new TypeError("Middleware must be an object with onRequest(), onResponse() or onError()");
      }
      core.middleware.push(m);
    }
  };
  methods.eject = (...middleware: Middleware[]) => {
    for (const m of middleware) {
      const at = core.middleware.indexOf(m);
      if (at !== -1) core.middleware.splice(at, 1);
    }
  };
  return methods as unknown as ZuoraMethods;
}

/** openapi-fetch's result for a response: no body for 204, HEAD or an empty body; else `data` or `error`. */
async function resultOf(exchange: Exchange, method: string, parseAs: string) {
  const { response, record } = exchange;
  const length = response.headers.get("content-length");
  const chunked = response.headers.get("transfer-encoding")?.includes("chunked") ?? false;
  if (response.status === 204 || method === "HEAD" || (length === "0" && !chunked)) {
    return response.ok ? { data: undefined, response } : { error: undefined, response };
  }
  if (!response.ok) return { error: await readBodyValue(response), response };
  if (parseAs === "json") {
    return { data: record.parsed !== undefined ? record.parsed : await readJson(response), response };
  }
  if (parseAs === "stream") return { data: response.body, response };
  return {
    data: await (response[parseAs as "text" | "blob" | "arrayBuffer"] as () => Promise<unknown>).call(response),
    response,
  };
}

/** A JSON body, or undefined when it is empty (openapi-fetch's `json` parse). */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}
