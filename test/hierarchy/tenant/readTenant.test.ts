import { describe, expect, it } from "vitest";
import { type ReadEvent, readTenant } from "../../../hierarchy/index.js";
import { createZuoraClient } from "../../../src/index.js";
import { createStandIn } from "../../../stand-in/index.js";

/** A stand-in with `n` provisioned entities under the global entity. */
function tenantOf(n: number) {
  const standIn = createStandIn();
  standIn.seed({
    entities: Array.from({ length: n }, (_, i) => ({ id: `e${i}`, name: `E${i}`, status: "Provisioned" as const })),
  });
  return standIn;
}

describe("readTenant", () => {
  it("reads the entities' connections `parallelism` at a time", async () => {
    const standIn = tenantOf(6);
    let inFlight = 0;
    let most = 0;
    const waiting: (() => void)[] = [];
    const zuora = createZuoraClient({
      baseUrl: "https://rest.test.zuora.com",
      auth: "any-token",
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (!new URL(request.url).pathname.endsWith("/entity-connections")) return standIn.fetch(request);
        inFlight++;
        most = Math.max(most, inFlight);
        // Each listing waits until three are in flight (or, for a reader that sends fewer at once, a moment).
        await new Promise<void>((release) => {
          waiting.push(release);
          if (inFlight >= 3) for (const go of waiting.splice(0)) go();
          else
            setTimeout(() => {
              for (const go of waiting.splice(0)) go();
            }, 200);
        });
        inFlight--;
        return standIn.fetch(request);
      },
    });
    const state = await readTenant(zuora, { parallelism: 3 });
    expect(state.entities).toHaveLength(7);
    expect(most).toBe(3);
  });

  it("reports how far it is: the entities listed, then each provisioned entity's connections read", async () => {
    const standIn = tenantOf(3);
    const zuora = createZuoraClient({
      baseUrl: "https://rest.test.zuora.com",
      auth: "any-token",
      fetch: standIn.fetch,
    });
    const events: ReadEvent[] = [];
    await readTenant(zuora, { parallelism: 1, onProgress: (e) => events.push(e) });
    expect(events).toEqual([
      { type: "entities-listed", entities: 4, provisioned: 4 },
      { type: "connections-read", done: 1, of: 4 },
      { type: "connections-read", done: 2, of: 4 },
      { type: "connections-read", done: 3, of: 4 },
      { type: "connections-read", done: 4, of: 4 },
    ]);
  });
});
