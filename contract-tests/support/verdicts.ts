import { inject } from "vitest";
import { responseContract } from "../../scripts/verify/responseContract.js";
import { createZuoraClient, ZuoraValidationError } from "../../src/index.js";

/** One request to judge: the operation's path, a body and extra headers. */
export interface Candidate {
  path: "/v1/entities" | "/v1/entity-connections";
  body: unknown;
  headers: Record<string, string>;
}

/** A verdict: valid, or invalid with where the violations are (`body.name`, `body`, `header zuora-track-id`). */
export type Verdict = { valid: true } | { valid: false; locations: string[] };

const contract = responseContract();

/** Prism's verdict on the request sent raw (fetch, no client): 422 with `sl-violations`, or a 200. */
export async function prismVerdict(candidate: Candidate): Promise<Verdict> {
  const response = await fetch(new URL(candidate.path, inject("prismUrl")), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer verdict-token", ...candidate.headers },
    body: JSON.stringify(candidate.body),
  });
  const body = await response.text();
  if (response.status === 200) {
    const problems = contract.check("POST", candidate.path, { status: 200, headers: response.headers, body });
    if (problems.length > 0) throw new Error(`Prism answered off-contract: ${problems.join("; ")}`);
    return { valid: true };
  }
  if (response.status !== 422) throw new Error(`Prism answered ${response.status}: ${body}`);
  const violations = JSON.parse(response.headers.get("sl-violations") ?? "[]") as {
    location: string[];
    message: string;
  }[];
  return {
    valid: false,
    locations: violations.map((v) => {
      const [, where, ...rest] = v.location; // ["request", "body" | "header", ...]
      // A missing required property is reported on the body, naming the property in the message.
      const missing = /required property '([^']+)'/.exec(v.message)?.[1];
      if (where === "body") return missing ? `body.${missing}` : ["body", ...rest].join(".");
      return `header ${rest.join(".").toLowerCase()}`;
    }),
  };
}

/** The client's verdict: a ZuoraValidationError (and then no request may have been made), or a sent request. */
export async function clientVerdict(candidate: Candidate): Promise<Verdict> {
  let sent = 0;
  const client = createZuoraClient({
    baseUrl: inject("prismUrl"),
    auth: "verdict-token",
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
    if (response.status !== 200) throw new Error(`the client sent a request Prism refused: HTTP ${response.status}`);
    return { valid: true };
  } catch (error) {
    if (!(error instanceof ZuoraValidationError)) throw error;
    if (sent !== 0) throw new Error(`the client refused the request but sent ${sent} request(s)`);
    const field = error.field.startsWith("header ") ? `header ${error.field.slice(7).toLowerCase()}` : error.field;
    return { valid: false, locations: [field] };
  }
}

/** True when both say valid, or both say invalid and Prism names the place the client names. */
export function agree(client: Verdict, prism: Verdict): boolean {
  if (client.valid || prism.valid) return client.valid === prism.valid;
  return client.locations.every((location) => prism.locations.includes(location));
}
