import type { LogFormat } from "./args.js";

/** One request as the log reports it. */
export interface LoggedRequest {
  method: string;
  /** Without the query. */
  path: string;
  /** Undefined when the connection was dropped (an injected fault). */
  status: number | undefined;
  /** From the request's arrival to its answer. */
  ms: number;
}

/** The log's line for a request: `POST /v1/entities 200 1.4ms`, a JSON object, or nothing at `off`. */
export function logLine(format: LogFormat, request: LoggedRequest): string | undefined {
  if (format === "off") return undefined;
  const ms = Math.round(request.ms * 10) / 10;
  if (format === "json") return JSON.stringify({ ...request, status: request.status ?? null, ms });
  return `${request.method} ${request.path} ${request.status ?? "dropped"} ${ms}ms`;
}
