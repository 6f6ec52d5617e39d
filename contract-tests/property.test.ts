import fc from "fast-check";
import { afterAll, describe, expect, inject, it } from "vitest";
import { constraints } from "../generated/constraints.js";
import { agree, type Candidate, clientVerdict, type OperationId, serverVerdict } from "../scripts/verify/verdicts.js";

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

type Rule = {
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: readonly unknown[];
  type?: string;
  maxItems?: number;
  items?: Rule;
};

// A list field: lists of drawn IDs around the count limit (up to one past it) and items around their length limit,
// sometimes an item of the wrong type, sometimes no list at all.
const listValue = (rule: Rule) =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc.array(fieldValue(rule.items?.maxLength ?? 16), { maxLength: (rule.maxItems ?? 2) + 1 }),
    },
    { weight: 1, arbitrary: fieldValue(rule.items?.maxLength ?? 16) },
  );

// Path values: drawn text, the reference-like id, and the values that would address another resource.
const pathValue = (rule: Rule) =>
  fc.oneof(
    { weight: 4, arbitrary: text(rule.maxLength ?? 8) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("", ".", "..", "a/b", "x?y=1", "#", " ", "8a80825556ff28a4015709096c5d6f5d"),
    },
  );
// Query values: around the bounds, on and off the enum, booleans and what is not one.
const queryValue = (rule: Rule) => {
  if (rule.type === "boolean") return fc.oneof(fc.boolean(), fc.constantFrom("yes", "1"));
  if (rule.enum) return fc.oneof(fc.constantFrom(...rule.enum), fc.constant("sideways"));
  const low = (rule.minimum ?? 1) - 2;
  const high = (rule.maximum ?? 400) + 2;
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: low, max: high }) },
    { weight: 1, arbitrary: fc.double({ min: 0, max: 10, noNaN: true }) },
  );
};
const recordOf = <R>(
  entries: [string, R][],
  value: (rule: R) => fc.Arbitrary<unknown>,
  required: (rule: R) => boolean,
) =>
  fc.record(
    Object.fromEntries(
      entries.map(([name, rule]) => [
        name,
        required(rule)
          ? fc.oneof({ weight: 9, arbitrary: value(rule) }, { weight: 1, arbitrary: fc.constant(undefined) })
          : optional(value(rule)),
      ]),
    ),
    { requiredKeys: [] },
  );

const operationIds = Object.values(ops)
  .filter((row) => row.auth)
  .map((row) => row.operationId as OperationId);

/** A generated request for operation `id`, every part drawn from the rules of its row in the generated table. */
const requestFor = (id: OperationId) => {
  const row = ops[id] as (typeof ops)[OperationId];
  const fields = Object.entries(row.fields as Record<string, Rule & { required: boolean }>);
  const headerNames = (row.headers as readonly string[]).filter(
    (h) => h === "Zuora-Track-Id" || h === "Idempotency-Key",
  );
  return fc.record({
    operationId: fc.constant(id),
    pathParams: recordOf(Object.entries(row.pathParams as Record<string, Rule>), pathValue, () => true),
    query: recordOf(Object.entries(row.query as Record<string, Rule>), queryValue, () => false),
    body: row.body
      ? recordOf(
          fields,
          (rule) => (rule.type === "array" ? listValue(rule) : fieldValue(rule.maxLength ?? 16)),
          () => false,
        )
      : fc.constant(undefined),
    headers: fc.record(
      Object.fromEntries(
        headerNames.map((h) => [h, optional(text(h === "Idempotency-Key" ? key.maxLength : trackId.maxLength))]),
      ),
      { requiredKeys: [] },
    ),
  });
};

/** A generated request before absent values are dropped. */
type Generated = Omit<Candidate, "headers"> & { headers: Record<string, string | undefined> };

const candidate: fc.Arbitrary<Generated> = fc.oneof(...operationIds.map(requestFor)) as fc.Arbitrary<Generated>;

const tally = { cases: 0, valid: 0, invalid: 0, operations: new Set<string>() };
afterAll(() => {
  console.log(
    `property test: ${tally.cases} generated requests over ${tally.operations.size} operations ` +
      `(${tally.valid} valid, ${tally.invalid} invalid); ` +
      "the client's verdict equalled Prism's on every one",
  );
});

const defined = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));

/** The generated request as it is sent: absent values dropped, the body as JSON would carry it. */
const clean = (generated: Generated): Candidate => ({
  ...generated,
  pathParams: defined(generated.pathParams),
  query: defined(generated.query),
  body: generated.body === undefined ? undefined : JSON.parse(JSON.stringify(generated.body)),
  headers: defined(generated.headers) as Record<string, string>,
});

// Requests in flight at once: one Prism judges them all, and it answers faster several at a time than one by one.
const IN_FLIGHT = 8;
const RUNS = 1000;

describe("generated requests: the client's verdict equals Prism's", () => {
  it(`agrees on ${RUNS} generated path, query, body and header values`, async () => {
    // A fresh seed per run, printed with any disagreement so that it can be replayed with fc.sample.
    const seed = Date.now() ^ (Math.random() * 2 ** 31);
    const candidates = fc.sample(candidate, { numRuns: RUNS, seed }).map(clean);
    const prismUrl = inject("prismUrl");
    const disagreements: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < candidates.length) {
        const request = candidates[next++] as Candidate;
        const [prism, client] = await Promise.all([serverVerdict(prismUrl, request), clientVerdict(prismUrl, request)]);
        tally.cases++;
        tally[prism.valid ? "valid" : "invalid"]++;
        tally.operations.add(request.operationId);
        if (!agree(client, prism)) {
          disagreements.push(
            `${JSON.stringify(request)}: client ${JSON.stringify(client)} vs Prism ${JSON.stringify(prism)}`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    expect(disagreements, `seed ${seed}`).toEqual([]);
    expect(tally.cases).toBe(RUNS);
    expect(tally.valid).toBeGreaterThan(100);
    expect(tally.invalid).toBeGreaterThan(100);
    expect([...tally.operations].sort()).toEqual([...operationIds].sort());
    expect(operationIds).toEqual(
      expect.arrayContaining(["requestUserAccess", "acceptUserAccess", "denyUserAccess", "shareProduct"]),
    );
  });
});
