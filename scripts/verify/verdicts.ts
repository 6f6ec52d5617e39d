import { constraints } from "../../generated/constraints.js";
import { createZuoraClient, type ZuoraAuth, ZuoraValidationError } from "../../src/index.js";
import { responseContract } from "./responseContract.js";

/** One request to judge: the operation's path, a body and extra headers. */
export interface Candidate {
  path: "/v1/entities" | "/v1/entity-connections";
  body: unknown;
  headers: Record<string, string>;
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

/** The server's verdict on the request sent raw (fetch, no client): 422 naming the violations, or a 200. */
export async function serverVerdict(baseUrl: string, candidate: Candidate): Promise<Verdict> {
  const response = await fetch(new URL(candidate.path, baseUrl), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer verdict-token", ...candidate.headers },
    body: JSON.stringify(candidate.body),
  });
  const body = await response.text();
  const blank = blankHeaders(candidate);
  if (response.status === 200) {
    const problems = contract.check("POST", candidate.path, { status: 200, headers: response.headers, body });
    if (problems.length > 0) throw new Error(`the server answered off-contract: ${problems.join("; ")}`);
    return blank.length > 0 ? { valid: false, locations: blank } : { valid: true };
  }
  if (response.status !== 422) throw new Error(`the server answered ${response.status}: ${body.slice(0, 300)}`);
  const locations = prismViolations(response.headers, body).map((v) => {
    const [where, ...rest] = v.location; // ["body" | "header", ...]
    // A missing required property is reported on the body, naming the property in the message.
    const missing = /required property '([^']+)'/.exec(v.message)?.[1];
    if (where === "body") return missing ? `body.${missing}` : ["body", ...rest].join(".");
    return `header ${rest.join(".").toLowerCase()}`;
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
  try {
    const { response } = await client.POST(candidate.path, {
      body: candidate.body as never,
      headers: candidate.headers,
    });
    if (response.status !== 200)
      throw new Error(`the client sent a request the server refused: HTTP ${response.status}`);
    return { valid: true };
  } catch (error) {
    if (!(error instanceof ZuoraValidationError)) throw error;
    if (sent !== 0) throw new Error(`the client refused the request but sent ${sent} request(s)`);
    const field = error.field.startsWith("header ") ? `header ${error.field.slice(7).toLowerCase()}` : error.field;
    return { valid: false, locations: [field] };
  }
}

/** True when both say valid, or both say invalid and the server names the place the client names. */
export function agree(client: Verdict, server: Verdict): boolean {
  if (client.valid || server.valid) return client.valid === server.valid;
  return client.locations.every((location) => server.locations.includes(location));
}
