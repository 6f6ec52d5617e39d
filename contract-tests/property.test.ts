import fc from "fast-check";
import { afterAll, describe, expect, inject, it } from "vitest";
import { constraints } from "../generated/constraints.js";
import { agree, type Candidate, clientVerdict, serverVerdict } from "../scripts/verify/verdicts.js";

// Values are drawn around the spec's own limits (from the generated table) and from an alphabet that mixes
// allowed characters with the ones the patterns forbid, so both verdicts come up often.
const ops = constraints.operations;
const trackId = constraints.headers["Zuora-Track-Id"];
const key = constraints.headers["Idempotency-Key"];

const alphabet = fc.constantFrom(..."abcXYZ019 .-_/:;\"'é@#".split(""));
const text = (limit: number) =>
  fc.oneof(
    fc.string({ unit: alphabet, maxLength: 12 }),
    fc.integer({ min: limit - 2, max: limit + 2 }).map((n) => "a".repeat(Math.max(0, n))),
  );
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 4 });
// Sometimes a value of the wrong type, sometimes a field left out.
const fieldValue = (limit: number) =>
  fc.oneof({ weight: 8, arbitrary: text(limit) }, { weight: 1, arbitrary: fc.integer() });

const entityBody = fc.record(
  {
    name: optional(fieldValue(ops.createEntity.fields.name.maxLength)),
    displayName: optional(fieldValue(ops.createEntity.fields.displayName.maxLength)),
    locale: optional(fieldValue(16)),
    parentId: optional(fieldValue(32)),
    timezone: optional(fieldValue(16)),
  },
  { requiredKeys: [] },
);
const connectionBody = fc.record(
  { targetEntityId: optional(fieldValue(ops.initiateConnection.fields.targetEntityId.maxLength)) },
  { requiredKeys: [] },
);
const headers = fc.record(
  {
    "Zuora-Track-Id": optional(text(trackId.maxLength)),
    "Idempotency-Key": optional(text(key.maxLength)),
  },
  { requiredKeys: [] },
);

/** A generated request before absent headers are dropped. */
interface Generated {
  path: Candidate["path"];
  body: unknown;
  headers: Record<string, string | undefined>;
}

const candidate: fc.Arbitrary<Generated> = fc.oneof(
  fc.record({ path: fc.constant("/v1/entities" as const), body: entityBody, headers }),
  fc.record({ path: fc.constant("/v1/entity-connections" as const), body: connectionBody, headers }),
);

const tally = { cases: 0, valid: 0, invalid: 0 };
afterAll(() => {
  console.log(
    `property test: ${tally.cases} generated requests (${tally.valid} valid, ${tally.invalid} invalid); ` +
      "the client's verdict equalled Prism's on every one",
  );
});

describe("generated requests: the client's verdict equals Prism's", () => {
  it("agrees on every generated body and header value", async () => {
    await fc.assert(
      fc.asyncProperty(candidate, async (generated) => {
        const clean: Candidate = {
          ...generated,
          body: JSON.parse(JSON.stringify(generated.body)),
          headers: Object.fromEntries(Object.entries(generated.headers).filter(([, v]) => v !== undefined)) as Record<
            string,
            string
          >,
        };
        const prismUrl = inject("prismUrl");
        const [prism, client] = await Promise.all([serverVerdict(prismUrl, clean), clientVerdict(prismUrl, clean)]);
        tally.cases++;
        tally[prism.valid ? "valid" : "invalid"]++;
        expect(agree(client, prism), `client ${JSON.stringify(client)} vs Prism ${JSON.stringify(prism)}`).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(tally.valid).toBeGreaterThan(20);
    expect(tally.invalid).toBeGreaterThan(20);
  });
});
