import { inject } from "vitest";
import { responseContract } from "../../scripts/verify/responseContract.js";
import { prismViolations } from "../../scripts/verify/verdicts.js";
import { createZuoraClient, type ZuoraClientOptions } from "../../src/index.js";
import type { TenantSeed, TenantSnapshot } from "../../stand-in/index.js";

const contract = responseContract();

/**
 * The real client, pointed at the stand-in through the front layer and `prism proxy --errors`. `violations` collects
 * every answer Prism refused (its report, naming the rule the stand-in broke) and anything our own response check
 * finds; a test asserts it is empty. Retries wait for nothing.
 */
export function standInClient(overrides: Partial<ZuoraClientOptions> = {}) {
  const violations: string[] = [];
  const checking = contract.checkingFetch(violations);
  const client = createZuoraClient({
    baseUrl: inject("standInUrl"),
    auth: "lifecycle-token",
    retry: { sleep: async (_ms, signal) => signal?.throwIfAborted() },
    fetch: async (input, init) => {
      const response = await checking(input, init);
      const said = prismViolations(response.headers, await response.clone().text());
      const where = `${init.method ?? "GET"} ${new URL(input).pathname}`;
      for (const v of said) violations.push(`${where}: Prism: ${v.location.join(".")}: ${v.message}`);
      return response;
    },
    ...overrides,
  });
  return { client, violations };
}

/** Adds a state to the shared stand-in (use IDs and names of the test's own). */
export async function seedStandIn(seed: TenantSeed): Promise<TenantSnapshot> {
  const response = await fetch(new URL("/__stand-in/seed", inject("standInControlUrl")), {
    method: "POST",
    body: JSON.stringify(seed),
  });
  if (!response.ok) throw new Error(`could not seed the stand-in: ${await response.text()}`);
  return (await response.json()) as TenantSnapshot;
}

/** A name and ID prefix unique to one test run, for entities of a test's own in the shared stand-in. */
export function uniqueName(label: string): string {
  return `${label}-${crypto.randomUUID().slice(0, 8)}`;
}
