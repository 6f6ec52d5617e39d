import { constraints } from "../../generated/constraints.js";
import { createZuoraClient, type ZuoraAuth, ZuoraValidationError } from "../../src/index.js";
import { responseContract } from "./responseContract.js";

/** One request to judge: an operation of the generated table, its path and query values, a body and extra headers. */
export interface Candidate {
  operationId: OperationId;
  /** Path parameter values by name (a value left out is sent as an empty segment by the raw request). */
  pathParams: Record<string, unknown>;
  /** Query values by name (left out when undefined). */
  query: Record<string, unknown>;
  /** The JSON body; undefined sends none. */
  body: unknown;
  headers: Record<string, string>;
}

/** The operations that take the bearer token (every one but the token request), by operationId. */
export type OperationId = {
  [K in keyof typeof constraints.operations]: (typeof constraints.operations)[K]["auth"] extends true ? K : never;
}[keyof typeof constraints.operations];

/** The raw request target of a candidate: path values percent-encoded into the path, query values in the query. */
export function targetOf(candidate: Candidate): string {
  const row = constraints.operations[candidate.operationId];
  const path = row.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(candidate.pathParams[name] ?? "")),
  );
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(candidate.query)) {
    if (value !== undefined) query.set(name, String(value));
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** A verdict: valid, or invalid with where the violations are (`body.name`, `header zuora-track-id`). */
export type Verdict = { valid: true } | { valid: false; locations: string[] };

const contract = responseContract();

interface PrismViolation {
  location: string[];
  message: string;
}

/**
 * Prism's violations in an answer: the `sl-violations` header (mock mode, answering with the spec's 422 example) or
 * a problem+json `validation` array (proxy mode with `--errors`). Locations drop Prism's leading "request"/"response".
 */
export function prismViolations(headers: Headers, body: string): PrismViolation[] {
  let list: PrismViolation[] = [];
  const header = headers.get("sl-violations");
  if (header) list = JSON.parse(header) as PrismViolation[];
  else if ((headers.get("content-type") ?? "").includes("problem+json")) {
    try {
      list = ((JSON.parse(body) as { validation?: PrismViolation[] }).validation ?? []) as PrismViolation[];
    } catch {
      list = [];
    }
  }
  return list.map((v) => ({
    ...v,
    location: v.location[0] === "request" || v.location[0] === "response" ? v.location.slice(1) : v.location,
  }));
}

/**
 * The server's verdict on the request sent raw (fetch, no client): 400 or 422 naming the violations, a 404 for a
 * path that no longer names the operation's route (a dot segment resolved away, an empty segment), or a 200.
 */
export async function serverVerdict(baseUrl: string, candidate: Candidate): Promise<Verdict> {
  const row = constraints.operations[candidate.operationId];
  const target = targetOf(candidate);
  const url = new URL(target, baseUrl);
  // A dot segment ("." or "..", even percent-encoded) is resolved by every URL parser before a byte is sent: no
  // request can carry it to this operation, so the path itself is refused (the request would reach another route).
  if (url.pathname !== target.split("?")[0]) return { valid: false, locations: ["path"] };
  const response = await fetch(url, {
    method: row.method,
    headers: {
      ...(candidate.body === undefined ? {} : { "content-type": "application/json" }),
      authorization: "Bearer verdict-token",
      ...candidate.headers,
    },
    ...(candidate.body === undefined ? {} : { body: JSON.stringify(candidate.body) }),
  });
  const body = await response.text();
  const blank = blankHeaders(candidate);
  if (response.status === 200) {
    const problems = contract.check(row.method, row.path, { status: 200, headers: response.headers, body });
    if (problems.length > 0) throw new Error(`the server answered off-contract: ${problems.join("; ")}`);
    return blank.length > 0 ? { valid: false, locations: blank } : { valid: true };
  }
  // Prism's "no path matched": the value changed which route the URL names, a refusal of the path itself.
  if (response.status === 404 && body.includes("NO_PATH_MATCHED")) return { valid: false, locations: ["path"] };
  if (response.status !== 422 && response.status !== 400) {
    throw new Error(`the server answered ${response.status}: ${body.slice(0, 300)}`);
  }
  const locations = prismViolations(response.headers, body).map((v) => {
    const [where, ...rest] = v.location; // ["body" | "header" | "path" | "query", ...]
    // A missing required property is reported on its container, naming the property in the message.
    const missing = /required property '([^']+)'/.exec(v.message)?.[1];
    if (where === "header") return `header ${rest.join(".").toLowerCase()}`;
    return (missing ? `${where}.${missing}` : [where, ...rest].join(".")).toLowerCase();
  });
  return { valid: false, locations: [...new Set([...locations, ...blank])] };
}

/**
 * Headers of `candidate` that HTTP trims to empty although the spec asks for at least one character. Prism reads an
 * empty header value as no header at all, so it never reports these; the spec's own `minLength` does, and so the
 * verdict adds them (as `header <name>`) rather than count the client wrong for following the spec.
 */
function blankHeaders(candidate: Candidate): string[] {
  const limits = new Map(Object.entries(constraints.headers).map(([name, rule]) => [name.toLowerCase(), rule]));
  return Object.entries(candidate.headers)
    .filter(([name, value]) => {
      const rule = limits.get(name.toLowerCase()) as { minLength?: number } | undefined;
      return (rule?.minLength ?? 0) > 0 && /^[\t\n\r ]*$/.test(value);
    })
    .map(([name]) => `header ${name.toLowerCase()}`);
}

/** The client's verdict: a ZuoraValidationError (and then no request may have been made), or a sent request. */
export async function clientVerdict(
  baseUrl: string,
  candidate: Candidate,
  auth: ZuoraAuth = "verdict-token",
): Promise<Verdict> {
  let sent = 0;
  const client = createZuoraClient({
    baseUrl,
    auth,
    maxRetries: 0,
    fetch: (input, init) => {
      sent++;
      return fetch(input, init);
    },
  });
  const row = constraints.operations[candidate.operationId];
  const send = client[row.method] as (path: string, init: object) => Promise<{ response: Response }>;
  try {
    const { response } = await send(row.path, {
      params: { path: candidate.pathParams, query: candidate.query },
      ...(candidate.body === undefined ? {} : { body: candidate.body }),
      headers: candidate.headers,
    });
    if (response.status !== 200)
      throw new Error(`the client sent a request the server refused: HTTP ${response.status}`);
    return { valid: true };
  } catch (error) {
    if (!(error instanceof ZuoraValidationError)) throw error;
    if (sent !== 0) throw new Error(`the client refused the request but sent ${sent} request(s)`);
    const field = error.field.startsWith("header ") ? `header ${error.field.slice(7)}` : error.field;
    return { valid: false, locations: [field.toLowerCase()] };
  }
}

/**
 * True when both say valid, or both say invalid and the server names the place the client names (compared without
 * case: Prism lower-cases query parameter names). A route the server could not match stands for every path parameter;
 * an item of a list (`body.toentityids.0`) is within the list the client names (its problem says which item).
 */
export function agree(client: Verdict, server: Verdict): boolean {
  if (client.valid || server.valid) return client.valid === server.valid;
  return client.locations.every(
    (location) =>
      server.locations.some(
        (at) => at === location || (at.startsWith(`${location}.`) && /^\d+$/.test(at.slice(location.length + 1))),
      ) ||
      (location.startsWith("path.") && server.locations.includes("path")),
  );
}
