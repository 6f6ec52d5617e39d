import { constraints } from "../../generated/constraints.js";
import { resolveSuccess } from "../result/resolveSuccess.js";
import { type CallResult, zuoraPromise } from "../result/withResponse.js";
import { type CallCore, runCall } from "./callCore.js";
import { type CallOptions, headersOf } from "./callOptions.js";
import type { OperationHelpers, PagerHelpers } from "./helperTypes.js";
import { pager } from "./pager.js";

/** A row of the generated operation table, read generically. */
export interface Row {
  operationId: string;
  method: string;
  path: string;
  successFlag: boolean;
  body: boolean;
  query: Record<string, { default?: unknown }>;
  pagination?: { helper: string; page: string; items: string; next: string };
}

type Values = Record<string, unknown>;
/** One call of one operation: path values, body, query values, options → the success body and its response. */
export type Call = (
  path: Values,
  body: unknown,
  query: Values | undefined,
  options: CallOptions,
) => Promise<CallResult<Values>>;

/**
 * Makes one helper per row of the generated operation table, named by its operationId, and one iterator per row that
 * declares pagination. This is the only code behind every helper: what differs between operations is the row.
 *
 * A helper takes the row's path parameters first (in the order of the path), then the body (when the row takes one),
 * then query values (when it has query parameters), then {@link CallOptions}. It goes through the client's one core,
 * as `zuora.GET(...)` and the rest do, so the two send the same request and middleware sees both.
 */
export function makeHelpers(core: CallCore): OperationHelpers & PagerHelpers {
  const helpers: Record<string, unknown> = {};
  for (const row of Object.values(constraints.operations) as readonly Row[]) {
    const call = callFor(core, row);
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
    if (row.pagination) helpers[row.pagination.helper] = pager(call, row, row.pagination, core.defaults.baseUrl);
  }
  return helpers as unknown as OperationHelpers & PagerHelpers;
}

function callFor(core: CallCore, row: Row): Call {
  const { method, path } = row;
  return async (pathValues, body, query, options) => {
    const header = headersOf(options);
    const exchange = await runCall(
      core,
      {
        method,
        path,
        pathValues,
        query,
        headers: [header],
        body,
        signal: options.signal,
        timeoutMs: options.timeoutMs,
        maxRetries: options.maxRetries,
        optionsName: "options",
      },
      { takesParsed: true, schemaPath: path, params: () => ({ path: pathValues, query, header }) },
    );
    const data = await resolveSuccess<Values>(exchange, core.context, row.successFlag);
    return { data, response: exchange.response, info: exchange.record.info };
  };
}
