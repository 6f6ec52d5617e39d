import { inject } from "vitest";
import type { FrontFault, FrontRecord } from "../../mock-server/frontLayer.js";
import { responseContract } from "../../scripts/verify/responseContract.js";
import { createZuoraClient, type ZuoraClientOptions } from "../../src/index.js";

const contract = responseContract();

/**
 * The real client, pointed at the front layer (or at Prism), with a fetch that checks every response it receives
 * against the spec, and a sleep that records instead of waiting. Assert `violations` is empty at the end.
 */
export function contractClient(overrides: Partial<ZuoraClientOptions> = {}) {
  const violations: string[] = [];
  const delays: number[] = [];
  const client = createZuoraClient({
    baseUrl: inject("frontUrl"),
    auth: "contract-test-token",
    fetch: contract.checkingFetch(violations),
    retry: {
      sleep: async (ms, signal) => {
        delays.push(ms);
        signal?.throwIfAborted();
      },
    },
    ...overrides,
  });
  return { client, violations, delays };
}

/** A track id unique to one test, so its faults and log do not mix with other tests'. */
export function uniqueTrackId(label: string): string {
  return `${label.replace(/[^A-Za-z0-9-]/g, "-").slice(0, 40)}-${crypto.randomUUID().slice(0, 8)}`;
}

/** Arms faults for the requests carrying `trackId` (at the mock's front layer, or the one given). */
export async function injectFaults(
  trackId: string,
  faults: FrontFault[],
  frontUrl = inject("frontUrl"),
): Promise<void> {
  const response = await fetch(new URL("/__front/faults", frontUrl), {
    method: "POST",
    body: JSON.stringify({ trackId, faults }),
  });
  if (response.status !== 204) throw new Error(`could not arm faults: HTTP ${response.status}`);
}

/** Lets the requests held by a `hold` fault go on; resolves once the front layer has handled them. */
export async function releaseHeld(trackId: string): Promise<void> {
  const response = await fetch(new URL("/__front/release", inject("frontUrl")), {
    method: "POST",
    body: JSON.stringify({ trackId }),
  });
  if (response.status !== 204) throw new Error(`could not release held requests: HTTP ${response.status}`);
}

/** What the front layer (the mock's, or the one given) did with each request carrying `trackId`. */
export async function frontLog(trackId: string, frontUrl = inject("frontUrl")): Promise<FrontRecord[]> {
  const response = await fetch(new URL(`/__front/log?trackId=${encodeURIComponent(trackId)}`, frontUrl));
  return (await response.json()) as FrontRecord[];
}
