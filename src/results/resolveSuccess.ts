import { type ErrorContext, errorFromResponse } from "../errors/errorFromResponse.js";
import { callInfo, callSecrets, callTarget } from "../pipeline/createPipeline.js";

/** What openapi-fetch resolved a call to. */
export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * What an operation helper resolves to: the body of a 2xx answer that is a JSON object with `success: true` (the
 * boolean), and nothing else. Anything else throws: `success: false` a {@link ZuoraBusinessError}, a 2xx that is
 * empty, `null`, an array, a string or an object without `success: true` a {@link ZuoraApiError} that says which,
 * and every other status the class {@link errorFromResponse} maps it to. `operation` (`METHOD /path`) names the call
 * when the response carries no record of its URL.
 */
export function resolveSuccess<T>(operation: string, result: FetchResult, context: ErrorContext): T {
  const { response, data } = result;
  const ok = response.status >= 200 && response.status < 300;
  if (ok && isRecord(data) && data.success === true) return data as T;
  const refused = ok && isRecord(data) && data.success === false;
  throw errorFromResponse({
    operation: callTarget(response) ?? operation,
    response,
    body: ok ? data : result.error,
    info: callInfo(response),
    secrets: callSecrets(response),
    context,
    ...(ok && !refused ? { malformed: malformation(data) } : {}),
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Completes "answered HTTP 200 ..." for a 2xx body that is not a well-formed success. */
function malformation(data: unknown): string {
  const wanted = "not a JSON object with success: true";
  if (data === undefined) return `with an empty body, ${wanted}`;
  if (data === null) return `with null, ${wanted}`;
  if (Array.isArray(data)) return `with a JSON array, ${wanted}`;
  if (!isRecord(data)) return `with a JSON ${typeof data}, ${wanted}`;
  const success =
    "success" in data ? `success is ${JSON.stringify(data.success) ?? typeof data.success}` : "no success";
  return `with ${success.length > 40 ? "success that is not true" : success}, ${wanted}`;
}
