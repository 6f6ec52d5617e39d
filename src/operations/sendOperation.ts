import { createFinalURL, createQuerySerializer, defaultPathSerializer } from "openapi-fetch";
import { type OutgoingRequest, parsedAnswer } from "../pipeline/createPipeline.js";
import type { FetchResult } from "../results/resolveSuccess.js";
import { collectHeaders } from "../validation/collectHeaders.js";
import { serializeBody } from "../validation/serializeBody.js";
import { snapshotValues } from "../validation/snapshotValues.js";
import { validateRequest } from "../validation/validateRequest.js";

/** One call of one operation, as a helper has it. */
export interface OperationCall {
  method: string;
  /** The spec's path template (`/v1/entities/{id}`). */
  path: string;
  pathValues: Record<string, unknown>;
  /** The JSON body; undefined for none. */
  body: unknown;
  query: Record<string, unknown> | undefined;
  /** Header values by name (the per-call options'). */
  headers: Record<string, string>;
  signal: AbortSignal | undefined;
}

const utf8 = new TextEncoder();
// openapi-fetch's own serializers (its defaults, which the client never changes): the URL is the one client.GET and
// the rest build, by construction. Values that reach them have passed validation.
const querySerializer = createQuerySerializer();

/**
 * Validates one call, builds its request and sends it through the pipeline's direct door (`base` is the client's
 * `baseUrl` without a trailing slash, as openapi-fetch keeps it), resolving to what
 * openapi-fetch would have resolved: `data` (the parsed 2xx body) or `error` (the other answers' body, JSON when it
 * parses, else text, undefined when empty), and the response. The checks, the URL, the headers and the bytes are the
 * ones `client.GET(...)` and the rest produce, so the two ways of calling an operation send the same request.
 */
export async function sendOperation(
  call: OperationCall,
  base: string,
  send: (request: OutgoingRequest) => Promise<Response>,
): Promise<FetchResult> {
  const { method, path } = call;
  const json = call.body === undefined ? undefined : serializeBody(call.body, method, path);
  const headers = collectHeaders(call.headers);
  const query = snapshotValues(call.query) as Record<string, unknown> | undefined;
  // What travels is checked: the JSON parsed back, so inherited fields, toJSON() and getters count as sent.
  validateRequest({
    method,
    path,
    body: json === undefined ? undefined : JSON.parse(json),
    headers,
    pathParams: call.pathValues,
    query,
  });
  if (json !== undefined) headers.set("content-type", "application/json");
  const response = await send({
    // Parsed and serialized, as openapi-fetch's Request does: a custom fetch is handed the URL zuora.GET hands it
    // (host lower-cased, dot segments resolved, a space or quote percent-encoded), not the concatenated text.
    url: new URL(
      createFinalURL(path, {
        baseUrl: base,
        params: { path: call.pathValues, query: query ?? {} },
        querySerializer,
        pathSerializer: defaultPathSerializer,
      }),
    ).href,
    method,
    headers: new Headers([...headers]),
    body: json === undefined ? null : utf8.encode(json),
    signal: call.signal,
  });
  if (response.ok) return { data: parsedAnswer(response), response };
  const text = await response.text();
  return { error: text === "" ? undefined : parseOrText(text), response };
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
