import { describe, expect, it } from "vitest";
import { testClient, validationRejection } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";

// The four operations added after the first twelve: their helpers come from the generated table, so these tests pin
// what the table gives them (paths, encoding, the list checks), not code of their own.

const ID = "8a80825555a3c7a10155b460f53858e6";

const server = useLoopbackServer(() => ({ json: { success: true } }));

const rejectionOf = (promise: Promise<unknown>) => validationRejection(server, promise);
type Zuora = ReturnType<typeof testClient>;

/** Each new operation called with a path value, and the path it sends that value to. */
const byPathValue: [string, (zuora: Zuora, value: string) => Promise<unknown>, (segment: string) => string][] = [
  [
    "requestUserAccess",
    (zuora, value) => zuora.requestUserAccess(value, { targetEntityIds: [ID] }),
    (s) => `/v1/users/${s}/request-access`,
  ],
  ["acceptUserAccess", (zuora, value) => zuora.acceptUserAccess(value), (s) => `/v1/users/${s}/accept-access`],
  ["denyUserAccess", (zuora, value) => zuora.denyUserAccess(value), (s) => `/v1/users/${s}/deny-access`],
  [
    "shareProduct",
    (zuora, value) => zuora.shareProduct(value, { toEntityIds: [ID] }),
    (s) => `/v1/catalog/products/${s}/share`,
  ],
];

describe("the path value of the user-access and sharing helpers", () => {
  it.each(byPathValue)("%s sends the value percent-encoded, as one segment", async (_, call, path) => {
    await call(testClient(server.url), "ops/eu@example.com ?#");
    expect(server.requests.map((r) => r.target)).toEqual([path("ops%2Feu%40example.com%20%3F%23")]);
  });

  it.each(byPathValue.flatMap(([id, call]) => ["", ".", ".."].map((value) => [id, value, call] as const)))(
    "%s refuses %j, which the URL would resolve away, and sends nothing",
    async (operationId, value, call) => {
      const error = await rejectionOf(call(testClient(server.url), value));
      const field = operationId === "shareProduct" ? "path.product-id" : "path.username";
      expect(error).toMatchObject({ operationId, field, rule: value === "" ? "minLength" : "pattern" });
    },
  );
});

describe("the entity lists of requestUserAccess and shareProduct", () => {
  it("sends targetEntityIds and toEntityIds as JSON arrays", async () => {
    const zuora = testClient(server.url);
    await zuora.requestUserAccess("jane", { targetEntityIds: [ID, "8a80825556ff28a4015708b93df82ba7"] });
    await zuora.shareProduct("p-1", { toEntityIds: [ID] });
    expect(server.requests.map((r) => JSON.parse(r.text))).toEqual([
      { targetEntityIds: [ID, "8a80825556ff28a4015708b93df82ba7"] },
      { toEntityIds: [ID] },
    ]);
  });

  it.each([
    ["no list", {}, "required", "is required"],
    ["a string", { toEntityIds: ID }, "type", "must be an array, got string"],
    ["an empty list", { toEntityIds: [] }, "minItems", "must have at least 1 item(s), got 0"],
    ["two entities", { toEntityIds: [ID, ID] }, "maxItems", "must have at most 1 item(s), got 2"],
    ["a number", { toEntityIds: [7] }, "type", "item 1 must be a string, got number"],
    ["an ID of 33 characters", { toEntityIds: [`${ID}f`] }, "maxLength", "item 1 must be at most 32 characters"],
  ])("shareProduct refuses %s, naming the field and the rule, and sends nothing", async (_, body, rule, problem) => {
    const error = await rejectionOf(testClient(server.url).shareProduct("p-1", body as never));
    expect(error).toMatchObject({ operationId: "shareProduct", field: "body.toEntityIds", rule });
    expect(error.problem).toContain(problem);
  });

  it("requestUserAccess takes many entities but refuses none, and an item that is too long", async () => {
    const zuora = testClient(server.url);
    expect(await rejectionOf(zuora.requestUserAccess("jane", { targetEntityIds: [] }))).toMatchObject({
      field: "body.targetEntityIds",
      rule: "minItems",
    });
    expect(await rejectionOf(zuora.requestUserAccess("jane", { targetEntityIds: [ID, "x".repeat(33)] }))).toMatchObject(
      { field: "body.targetEntityIds", rule: "maxLength", problem: expect.stringMatching(/^item 2 /) },
    );
  });
});

describe("Idempotency-Key on the new operations", () => {
  it("goes with shareProduct (a POST), and the types and the client refuse it on the PUTs", async () => {
    const zuora = testClient(server.url);
    await zuora.shareProduct("p-1", { toEntityIds: [ID] }, { idempotencyKey: "share-p-1" });
    expect(server.requests[0]?.headers["idempotency-key"]).toBe("share-p-1");
    // @ts-expect-error a PUT takes no idempotency key
    const error = await zuora.acceptUserAccess("jane", { idempotencyKey: "k" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ZuoraValidationError", field: "header Idempotency-Key", rule: "method" });
    expect(server.requests).toHaveLength(1);
  });
});
