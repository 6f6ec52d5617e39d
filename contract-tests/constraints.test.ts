import { describe, expect, inject, it } from "vitest";
import { constraints } from "../generated/constraints.js";
import { constraintCases } from "../scripts/verify/constraintCases.js";
import { agree, clientVerdict, serverVerdict } from "../scripts/verify/verdicts.js";

const all = constraintCases();

describe("each documented constraint of every operation: Prism's verdict on the raw request equals the client's", () => {
  it("derives cases for every operation, in every place where the spec constrains it", () => {
    const rows = Object.values(constraints.operations).filter((row) => row.auth);
    expect(new Set(all.map((c) => c.operationId))).toEqual(new Set(rows.map((row) => row.operationId)));
    // Every operation but the token request, which takes no bearer token.
    expect(rows.map((row) => row.operationId)).toEqual(
      Object.keys(constraints.operations).filter((operationId) => operationId !== "createToken"),
    );
    for (const row of rows) {
      const names = all.filter((c) => c.operationId === row.operationId).map((c) => c.name);
      for (const name of Object.keys(row.pathParams)) expect(names).toContain(`path.${name} ".."`);
      for (const name of Object.keys(row.query)) expect(names.some((n) => n.startsWith(`query.${name} `))).toBe(true);
      for (const [name, rule] of Object.entries(row.fields)) {
        const constrained = rule.required || "maxLength" in rule || "pattern" in rule || "items" in rule;
        expect(names.some((n) => n.startsWith(`body.${name} `))).toBe(constrained);
      }
      expect(names).toContain("Zuora-Track-Id at 65");
    }
    const shareProbes = all.filter((c) => c.operationId === "shareProduct").map((c) => c.name);
    expect(shareProbes).toEqual(
      expect.arrayContaining(["body.toEntityIds with 0 item(s)", "body.toEntityIds with 2 item(s)"]),
    );
    expect(all.filter((c) => c.valid).length).toBeGreaterThan(30);
    expect(all.filter((c) => !c.valid).length).toBeGreaterThan(150);
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
