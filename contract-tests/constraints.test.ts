import { describe, expect, inject, it } from "vitest";
import { constraintCases } from "../scripts/verify/constraintCases.js";
import { agree, clientVerdict, serverVerdict } from "../scripts/verify/verdicts.js";

const all = constraintCases();

describe("each documented constraint: Prism's verdict on the raw request equals the client's", () => {
  it("derives a case for every constraint of both operations", () => {
    // 4 + 1 required fields, 3 body and 2 header length limits (at and past each), and every forbidden probe char.
    expect(all.filter((c) => c.name.endsWith("missing"))).toHaveLength(5);
    expect(all.filter((c) => c.valid)).toHaveLength(7);
    expect(all.length).toBeGreaterThan(40);
  });

  it.each(all.map((c) => [`${c.operationId}: ${c.name}`, c] as const))("%s", async (_, testCase) => {
    const prismUrl = inject("prismUrl");
    const [prism, client] = await Promise.all([
      serverVerdict(prismUrl, testCase.candidate),
      clientVerdict(prismUrl, testCase.candidate),
    ]);
    expect(prism.valid, "Prism's verdict").toBe(testCase.valid);
    expect(client.valid, "the client's verdict").toBe(testCase.valid);
    expect(agree(client, prism), `client ${JSON.stringify(client)} vs Prism ${JSON.stringify(prism)}`).toBe(true);
  });
});
