import { type Client, removeTrailingSlash } from "openapi-fetch";
import { constraints } from "../../generated/constraints.js";
import type { paths } from "../../generated/schema.js";
import type { ErrorContext } from "../errors/errorFromResponse.js";
import { ZuoraApiError } from "../errors/ZuoraApiError.js";
import { callInfo, type OutgoingRequest } from "../pipeline/createPipeline.js";
import { type FetchResult, resolveSuccess } from "../results/resolveSuccess.js";
import { type CallResult, zuoraPromise } from "../withResponse.js";
import { type CallOptions, checkSignal, headersOf } from "./callOptions.js";
import { sendOperation } from "./sendOperation.js";
import type { OperationHelpers, PagerHelpers } from "./types.js";

/** A row of the generated operation table, read generically. */
interface Row {
  operationId: string;
  method: string;
  path: string;
  auth: boolean;
  body: boolean;
  pathParams: Record<string, unknown>;
  query: Record<string, { default?: unknown }>;
  pagination?: { helper: string; page: string; items: string; next: string };
}

type Values = Record<string, unknown>;
type Send = (url: string, init: Values) => Promise<FetchResult>;
/** One call of one operation: path values, body, query values, options → the success body and its response. */
type Call = (
  path: Values,
  body: unknown,
  query: Values | undefined,
  options: CallOptions,
) => Promise<CallResult<Values>>;

/** What the helpers send with. */
export interface HelperDoors {
  /** The openapi-fetch client, validation guard included: the way in while middleware is registered on it. */
  client: Client<paths>;
  /** The pipeline's direct door (see createPipeline.ts): the way in otherwise. */
  send: (request: OutgoingRequest) => Promise<Response>;
  /** Whether openapi-fetch middleware was ever registered on `client`. */
  hasMiddleware: () => boolean;
  context: ErrorContext;
  /** The client's `baseUrl` option. */
  baseUrl: string;
}

/**
 * Makes one helper per row of the generated operation table, named by its operationId, and one iterator per row that
 * declares pagination. This is the only code behind every helper: what differs between operations is the row.
 *
 * A helper takes the row's path parameters first (in the order of the path), then the body (when the row takes one),
 * then query values (when it has query parameters), then {@link CallOptions}. Validation and every policy apply as
 * they do to `client.GET(...)` and the rest, and the request is the same; it skips openapi-fetch (whose Request it
 * does not need) unless middleware was registered on the client, which then sees the helpers' calls too.
 */
export function makeHelpers(doors: HelperDoors): OperationHelpers & PagerHelpers {
  const helpers: Record<string, unknown> = {};
  for (const row of Object.values(constraints.operations) as readonly Row[]) {
    if (!row.auth) continue;
    const call = callFor(doors, row);
    // The path's own order, as the helper's type reads it (not the table's key order).
    const pathNames = Array.from(row.path.matchAll(/\{([^}]+)\}/g), (match) => match[1] as string);
    const takesQuery = Object.keys(row.query).length > 0;
    helpers[row.operationId] = (...args: unknown[]) => {
      const path: Values = {};
      let next = 0;
      for (const name of pathNames) path[name] = args[next++];
      const body = row.body ? args[next++] : undefined;
      const query = takesQuery ? (args[next++] as Values | undefined) : undefined;
      return zuoraPromise(call(path, body, query, (args[next] as CallOptions | undefined) ?? {}));
    };
    if (row.pagination) helpers[row.pagination.helper] = pager(call, row, row.pagination, doors.baseUrl);
  }
  return helpers as OperationHelpers & PagerHelpers;
}

function callFor(doors: HelperDoors, row: Row): Call {
  const viaClient = (doors.client as unknown as Record<string, Send>)[row.method];
  if (!viaClient) throw new Error(`openapi-fetch has no ${row.method} method`);
  const operation = `${row.method} ${row.path}`;
  const base = removeTrailingSlash(doors.baseUrl);
  return async (pathValues, body, query, options) => {
    const { signal } = options;
    checkSignal(row.operationId, signal);
    const headers = headersOf(options);
    const result = doors.hasMiddleware()
      ? await viaClient(row.path, {
          params: { path: pathValues, query, header: headers },
          body,
          ...(signal ? { signal } : {}),
        })
      : await sendOperation(
          { method: row.method, path: row.path, pathValues, body, query, headers, signal },
          base,
          doors.send,
        );
    const data = resolveSuccess<Values>(operation, result, doors.context);
    return { data, response: result.response, info: callInfo(result.response) };
  };
}

/**
 * Every item of every page: asks for page 1 (the spec's default page), then the next page number for as long as the
 * answer carries the row's `next` field (and a page has items: an empty page ends the walk, so a server that keeps
 * sending `next` cannot make it endless, and neither can one that answers every page with the same items: a repeated
 * page ends the walk with a ZuoraApiError). Every page is one call with the same query values and options (so the
 * same headers); breaking out of the loop stops it, and an abort rejects the page in flight or the next one.
 */
function pager(call: Call, row: Row, pagination: NonNullable<Row["pagination"]>, baseUrl: string) {
  const first = Number(row.query[pagination.page]?.default ?? 1);
  return async function* (givenQuery?: Values | null, givenOptions?: CallOptions | null): AsyncGenerator<unknown> {
    // null counts as none, as it does for a helper's options.
    const query = givenQuery ?? {};
    const options = givenOptions ?? {};
    checkSignal(row.operationId, options.signal);
    let previous: string | undefined;
    for (let page = first; ; page++) {
      options.signal?.throwIfAborted();
      const { data } = await call({}, undefined, { ...query, [pagination.page]: page }, options);
      const items = data[pagination.items];
      if (!Array.isArray(items) || items.length === 0) return;
      // A server that ignores the page number sends the same items (and nextPage) for every page: the walk would
      // never end, yielding the same items again and again. Two pages of one listing never hold the same items.
      const seen = JSON.stringify(items);
      if (seen === previous) {
        throw new ZuoraApiError({
          message: `${row.method} ${baseUrl.replace(/\/+$/, "")}${row.path} answered page ${page} with the same items as page ${page - 1}, so it ignores the page number; the walk stops here`,
          status: 200,
          attempts: 1,
        });
      }
      previous = seen;
      for (const item of items) {
        // An abort stops the walk at once, not at the end of the page already received.
        options.signal?.throwIfAborted();
        yield item;
      }
      // The next page is asked for by number, not by following the URL Zuora sends: that URL could name another
      // host than the client's baseUrl, and the request would leave the client's policies.
      if (data[pagination.next] === undefined || data[pagination.next] === null) return;
    }
  };
}
