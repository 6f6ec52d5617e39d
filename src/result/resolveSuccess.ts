import { type ErrorContext, errorFromResponse } from "../errors/errorFromResponse.js";
import { target } from "../pipeline/target.js";
import type { Exchange } from "../pipeline/types.js";
import { readBodyValue } from "../read/readBodyValue.js";

/**
 * What an operation helper resolves to: the body of a 2xx answer that is a JSON object with `success: true` (the
 * boolean; any JSON object where the operation's 200 body has no `success` flag, the token request's), and nothing
 * else. Anything else throws: `success: false` a {@link ZuoraBusinessError}, a 2xx that is
 * empty, `null`, an array, a string or an object without `success: true` a {@link ZuoraApiError} that says which,
 * and every other status the class {@link errorFromResponse} maps it to.
 */
export async function resolveSuccess<T>(exchange: Exchange, context: ErrorContext, successFlag: boolean): Promise<T> {
  const { response, record } = exchange;
  const ok = response.status >= 200 && response.status < 300;
  // Read before the client could: by an onResponse middleware that did not read a clone().
  const readElsewhere = record.parsed === undefined && response.bodyUsed;
  const data = ok ? (record.parsed !== undefined ? record.parsed : await readBodyValue(response)) : undefined;
  if (ok && isRecord(data) && (data.success === true || !successFlag)) return data as T;
  const refused = ok && isRecord(data) && data.success === false;
  throw errorFromResponse({
    operation: target(record),
    changesState: record.changesState,
    response,
    body: ok ? data : await readBodyValue(response),
    info: record.info,
    secrets: record.secrets,
    context,
    ...(ok && !refused ? { malformed: readElsewhere ? READ_ELSEWHERE : malformation(data) } : {}),
  });
}

const READ_ELSEWHERE =
  "with a body already read before the client could (middleware's onResponse must read response.clone())";

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
