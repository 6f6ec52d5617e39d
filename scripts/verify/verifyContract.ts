import { constraints } from "../../generated/constraints.js";
import { createZuoraClient, type ZuoraAuth } from "../../src/index.js";
import { readSpec } from "../codegen/spec.js";
import { constraintCases } from "./constraintCases.js";
import { responseContract } from "./responseContract.js";
import { referenceRequest } from "./samples.js";
import {
  agree,
  type Candidate,
  clientVerdict,
  type OperationId,
  prismViolations,
  serverVerdict,
  targetOf,
} from "./verdicts.js";

/** One line of the report. */
export interface CheckResult {
  operation: string;
  check: string;
  pass: boolean;
  /** Why it failed, or why it was not run (empty when it passed). */
  detail: string;
  /** The check was not run (and did not pass): it would have changed a real tenant. */
  skipped?: boolean;
}

/** What to verify against. */
export interface VerifyTarget {
  /** Prism: the mock (behind the front layer) or `prism proxy --errors` in front of a tenant. */
  baseUrl: string;
  auth: ZuoraAuth;
  /**
   * `mock` sends every reference request and probe; `tenant` sends only what cannot change the tenant beyond the two
   * creating samples (createEntity, initiateConnection): the reference requests of the reading operations, and the
   * constraint probes that the spec refuses (Prism refuses them before they are forwarded). A tenant's entities and
   * connections are never updated, provisioned, deleted, accepted, denied or disconnected.
   */
  mode: "mock" | "tenant";
  /**
   * Where the constraint probes go; defaults to `baseUrl`. The probes ask what the spec allows, so in mock mode they
   * go to Prism itself: the front layer's idempotency store would (rightly) answer a reused probe key with 409/422.
   */
  probeUrl?: string;
}

// Every operation that takes the bearer token, from the generated table: an operation added to the spec is verified
// with no edit here.
const OPERATIONS = Object.values(constraints.operations).filter((row) => row.auth);
// Methods that change nothing; with the two creating samples below, the only reference requests sent to a tenant.
const READS = new Set(["GET", "HEAD"]);
// The writes a tenant may receive: an entity created unprovisioned and a connection request, which `npm start`
// promises (CONTRIBUTING, "Verifying a real tenant"). Any other write, a POST included (shareProduct syncs a product to another entity), is not sent.
const CREATING_SAMPLES = new Set(["createEntity", "initiateConnection"]);
// Probes judged at once: each is independent, and Prism answers several faster than one after another.
const PROBES_IN_FLIGHT = 8;

/** Runs `task` on every item, at most `limit` at a time. */
async function eachConcurrently<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Drives the real client through Prism and reports, per operation: the reference request (its parameters' examples
 * and body sample) succeeds; every response follows the spec (checked here, and by Prism itself in proxy mode); the
 * track id comes back; a request without a bearer token is refused with 401; and for every constraint (path, query,
 * header, body), the client's verdict equals the server's.
 */
export async function verifyContract(target: VerifyTarget): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const spec = readSpec();
  const cases = constraintCases();
  const contract = responseContract();

  for (const row of OPERATIONS) {
    const operationId = row.operationId as OperationId;
    const record = (check: string, pass: boolean, detail = "") =>
      results.push({ operation: operationId, check, pass, detail });
    const reference = referenceRequest(spec, operationId);
    const candidate: Candidate = { operationId, ...reference, headers: {} };
    const sendsReference = target.mode === "mock" || CREATING_SAMPLES.has(operationId) || READS.has(row.method);
    if (sendsReference) await checkReference(target, candidate, contract, record);
    else {
      results.push({
        operation: operationId,
        check: "reference request succeeds",
        pass: false,
        skipped: true,
        detail: `not sent: ${row.method} would change the tenant`,
      });
    }

    const anonymous = await fetch(new URL(targetOf(candidate), target.baseUrl), {
      method: row.method,
      headers: reference.body === undefined ? {} : { "content-type": "application/json" },
      ...(reference.body === undefined ? {} : { body: JSON.stringify(reference.body) }),
    });
    await anonymous.body?.cancel();
    record(
      "no bearer token is refused with 401",
      anonymous.status === 401,
      anonymous.status === 401 ? "" : `HTTP ${anonymous.status}`,
    );

    const probes = cases.filter((c) => c.operationId === operationId && (target.mode === "mock" || !c.valid));
    const disagreements: string[] = [];
    await eachConcurrently(probes, PROBES_IN_FLIGHT, async (probe) => {
      try {
        const [server, local] = await Promise.all([
          serverVerdict(target.probeUrl ?? target.baseUrl, probe.candidate),
          clientVerdict(target.probeUrl ?? target.baseUrl, probe.candidate, target.auth),
        ]);
        if (server.valid !== probe.valid || !agree(local, server)) {
          disagreements.push(`${probe.name}: client ${JSON.stringify(local)}, server ${JSON.stringify(server)}`);
        }
      } catch (error) {
        disagreements.push(`${probe.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    record(
      `client and server agree on ${probes.length} constraint probes`,
      disagreements.length === 0,
      disagreements.join("; "),
    );
  }
  return results;
}

/**
 * Sends `candidate` (an operation's reference request) through the real client and records: it succeeds, every
 * answer follows the spec, and the track id comes back.
 */
async function checkReference(
  target: VerifyTarget,
  candidate: Candidate,
  contract: ReturnType<typeof responseContract>,
  record: (check: string, pass: boolean, detail?: string) => void,
): Promise<void> {
  const row = constraints.operations[candidate.operationId];
  // One verdict per answer: Prism's own where it refused the answer (proxy mode with --errors: a problem+json
  // naming each violation), ours otherwise. Sets, because a refused answer is retried and would repeat itself.
  const violations = new Set<string>();
  let replacedByPrism = false;
  const trackId = `verify-${candidate.operationId}-${Date.now()}`;
  const client = createZuoraClient({
    baseUrl: target.baseUrl,
    auth: target.auth,
    trackId,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const body = await response.clone().text();
      const said = prismViolations(response.headers, body);
      if (said.length > 0) {
        replacedByPrism = true;
        for (const v of said) violations.add(`${v.location.join(".")}: ${v.message}`);
      } else {
        const { pathname } = new URL(input);
        for (const v of contract.check(init.method ?? "GET", pathname, {
          status: response.status,
          headers: response.headers,
          body,
        })) {
          violations.add(v);
        }
      }
      return response;
    },
  });
  const send = client[row.method] as (
    path: string,
    init: object,
  ) => Promise<{ data?: { success?: boolean }; response: Response }>;

  let echoed: string | null = null;
  try {
    const { data, response } = await send(row.path, {
      params: { path: candidate.pathParams, query: candidate.query },
      ...(candidate.body === undefined ? {} : { body: candidate.body }),
    });
    echoed = response.headers.get("zuora-track-id");
    const succeeded = response.ok && data?.success === true;
    record("reference request succeeds", succeeded, succeeded ? "" : `HTTP ${response.status}`);
  } catch (error) {
    record("reference request succeeds", false, error instanceof Error ? error.message : String(error));
  }
  record("every response follows the spec", violations.size === 0, [...violations].join("; "));
  const trackIdDetail = replacedByPrism
    ? "no answer to read it from: Prism replaced the off-spec answer with its violation report"
    : `sent ${trackId}, got ${echoed}`;
  record("Zuora-Track-Id comes back", echoed === trackId, echoed === trackId ? "" : trackIdDetail);
}

/** Prints the report; returns the number of failed checks. */
export function printReport(
  header: string,
  results: CheckResult[],
  write: (line: string) => void = console.log,
): number {
  const skipped = results.filter((r) => r.skipped);
  const ran = results.filter((r) => !r.skipped);
  const failed = ran.filter((r) => !r.pass);
  const width = Math.max(...results.map((r) => r.operation.length));
  write(header);
  for (const r of results) {
    const verdict = r.skipped ? "skip" : r.pass ? "pass" : "FAIL";
    write(`  ${verdict}  ${r.operation.padEnd(width)}  ${r.check}${r.detail ? `\n          ${r.detail}` : ""}`);
  }
  // Most are writes a tenant must not receive; a lifecycle step without its fixtures says so in its own words.
  const why = skipped.every((r) => r.detail.startsWith("not sent:")) ? "they would change the tenant" : "each says why";
  const notRun = skipped.length > 0 ? `; ${skipped.length} not run (${why})` : "";
  write(`${ran.length - failed.length} of ${ran.length} checks passed${notRun}`);
  return failed.length;
}
