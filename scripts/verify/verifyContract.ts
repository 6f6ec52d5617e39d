import { createZuoraClient, type ZuoraAuth } from "../../src/index.js";
import { readSpec } from "../codegen/spec.js";
import { constraintCases } from "./constraintCases.js";
import { responseContract } from "./responseContract.js";
import { requestSamples } from "./samples.js";
import { agree, clientVerdict, prismViolations, serverVerdict } from "./verdicts.js";

/** One line of the report. */
export interface CheckResult {
  operation: string;
  check: string;
  pass: boolean;
  /** Why it failed (empty when it passed). */
  detail: string;
}

/** What to verify against. */
export interface VerifyTarget {
  /** Prism: the mock (behind the front layer) or `prism proxy --errors` in front of a tenant. */
  baseUrl: string;
  auth: ZuoraAuth;
  /**
   * `mock` sends every probe; `tenant` sends only what cannot change the tenant beyond the reference samples: the
   * constraint probes that the spec refuses (Prism refuses them before they are forwarded).
   */
  mode: "mock" | "tenant";
  /**
   * Where the constraint probes go; defaults to `baseUrl`. The probes ask what the spec allows, so in mock mode they
   * go to Prism itself: the front layer's idempotency store would (rightly) answer a reused probe key with 409/422.
   */
  probeUrl?: string;
}

const OPERATIONS = [
  { operationId: "createEntity", path: "/v1/entities" },
  { operationId: "initiateConnection", path: "/v1/entity-connections" },
] as const;

/**
 * Drives the real client through Prism and reports, per operation: the reference sample succeeds; every response
 * follows the spec (checked here, and by Prism itself in proxy mode); the track id comes back; a request without a
 * bearer token is refused with 401; and for every constraint, the client's verdict equals the server's.
 */
export async function verifyContract(target: VerifyTarget): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const samples = requestSamples(readSpec());
  const cases = constraintCases();
  const contract = responseContract();

  for (const { operationId, path } of OPERATIONS) {
    const record = (check: string, pass: boolean, detail = "") =>
      results.push({ operation: operationId, check, pass, detail });
    const sample = samples.find((s) => s.operationId === operationId);
    // One verdict per answer: Prism's own where it refused the answer (proxy mode with --errors: a problem+json
    // naming each violation), ours otherwise. Sets, because a refused answer is retried and would repeat itself.
    const violations = new Set<string>();
    let replacedByPrism = false;
    const trackId = `verify-${operationId}-${Date.now()}`;
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

    let echoed: string | null = null;
    try {
      const { data, response } = await client.POST(path, { body: sample?.body as never });
      echoed = response.headers.get("zuora-track-id");
      const succeeded = response.ok && (data as { success?: boolean } | undefined)?.success === true;
      record("reference sample succeeds", succeeded, succeeded ? "" : `HTTP ${response.status}`);
    } catch (error) {
      record("reference sample succeeds", false, error instanceof Error ? error.message : String(error));
    }
    record("every response follows the spec", violations.size === 0, [...violations].join("; "));
    const trackIdDetail = replacedByPrism
      ? "no answer to read it from: Prism replaced the off-spec answer with its violation report"
      : `sent ${trackId}, got ${echoed}`;
    record("Zuora-Track-Id comes back", echoed === trackId, echoed === trackId ? "" : trackIdDetail);

    const anonymous = await fetch(new URL(path, target.baseUrl), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(sample?.body),
    });
    await anonymous.body?.cancel();
    record(
      "no bearer token is refused with 401",
      anonymous.status === 401,
      anonymous.status === 401 ? "" : `HTTP ${anonymous.status}`,
    );

    const probes = cases.filter((c) => c.operationId === operationId && (target.mode === "mock" || !c.valid));
    const disagreements: string[] = [];
    for (const probe of probes) {
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
    }
    record(
      `client and server agree on ${probes.length} constraint probes`,
      disagreements.length === 0,
      disagreements.join("; "),
    );
  }
  return results;
}

/** Prints the report; returns the number of failed checks. */
export function printReport(
  header: string,
  results: CheckResult[],
  write: (line: string) => void = console.log,
): number {
  const failed = results.filter((r) => !r.pass);
  const width = Math.max(...results.map((r) => r.operation.length));
  write(header);
  for (const r of results) {
    write(
      `  ${r.pass ? "pass" : "FAIL"}  ${r.operation.padEnd(width)}  ${r.check}${r.detail ? `\n          ${r.detail}` : ""}`,
    );
  }
  write(`${results.length - failed.length} of ${results.length} checks passed`);
  return failed.length;
}
