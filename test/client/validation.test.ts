import { describe, expect, it } from "vitest";
import { entityBody, testClient, validationRejection } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";

const server = useLoopbackServer();

const rejectionOf = (promise: Promise<unknown>) => validationRejection(server, promise);

const without = (field: keyof typeof entityBody): Partial<typeof entityBody> => {
  const { [field]: _, ...rest } = entityBody;
  return rest;
};

describe("createEntity body", () => {
  it.each(["locale", "name", "parentId", "timezone"] as const)("requires %s", async (field) => {
    const zuora = testClient(server.url);
    // @ts-expect-error the field is required by the spec, so the type refuses it too
    const error = await rejectionOf(zuora.createEntity(without(field)));
    expect(error).toMatchObject({ operationId: "createEntity", field: `body.${field}`, rule: "required" });
    expect(error.message).toBe(`createEntity: body.${field} is required (rule: required); nothing was sent`);
  });

  it("does not require displayName", async () => {
    const { displayName: _, ...withoutDisplayName } = entityBody;
    await testClient(server.url).createEntity(withoutDisplayName);
    expect(server.requests).toHaveLength(1);
  });

  it("requires a body", async () => {
    // @ts-expect-error the body is required
    const error = await rejectionOf(testClient(server.url).POST("/v1/entities", {}));
    expect(error).toMatchObject({ field: "body", rule: "required" });
  });

  it.each([
    ["an underscore", "Acme_Asia", '"_" at position 5'],
    ["a slash", "Acme/Asia", '"/" at position 5'],
    ["a non-ASCII letter", "Äcme", "U+00C4 at position 1"],
    ["a tab", "Acme\tAsia", "U+0009 at position 5"],
  ])("refuses a name with %s, naming the character", async (_, name, where) => {
    const error = await rejectionOf(testClient(server.url).createEntity({ ...entityBody, name }));
    expect(error).toMatchObject({ field: "body.name", rule: "pattern" });
    expect(error.problem).toContain(where);
  });

  it("says the name rule in the spec's words, with the character and its position, not the raw pattern", async () => {
    const error = await rejectionOf(testClient(server.url).createEntity({ ...entityBody, name: "Acme_Asia" }));
    expect(error.message).toBe(
      "createEntity: body.name must be one or more letters A–Z and a–z, digits 0–9, spaces, periods or hyphens: " +
        '"_" at position 5 is not allowed (rule: pattern); nothing was sent',
    );
    expect(error.message).not.toContain("^[");
  });

  it("refuses an empty name, saying it is empty", async () => {
    const error = await rejectionOf(testClient(server.url).createEntity({ ...entityBody, name: "" }));
    expect(error).toMatchObject({ field: "body.name", rule: "pattern" });
    expect(error.problem).toMatch(/^must be one or more letters .*: the value is empty$/);
  });

  it("accepts letters, digits, space, period and hyphen", async () => {
    await testClient(server.url).createEntity({ ...entityBody, name: "Acme Asia-Pacific 2.0" });
    expect(server.requests).toHaveLength(1);
  });

  it.each(["name", "displayName"] as const)("limits %s to 255 characters", async (field) => {
    const zuora = testClient(server.url);
    await zuora.createEntity({ ...entityBody, [field]: "a".repeat(255) });
    expect(server.requests).toHaveLength(1);
    server.requests.length = 0;
    const error = await rejectionOf(zuora.createEntity({ ...entityBody, [field]: "a".repeat(256) }));
    expect(error).toMatchObject({ field: `body.${field}`, rule: "maxLength" });
    expect(error.problem).toBe("must be at most 255 characters, got 256");
  });

  it("counts characters as JSON Schema does (code points), not UTF-16 units", async () => {
    // 255 emoji are 510 UTF-16 units but 255 characters.
    await testClient(server.url).createEntity({ ...entityBody, displayName: "😀".repeat(255) });
    expect(server.requests).toHaveLength(1);
  });

  it("refuses a field of the wrong type", async () => {
    const zuora = testClient(server.url);
    // @ts-expect-error locale is a string
    const error = await rejectionOf(zuora.createEntity({ ...entityBody, locale: 7 }));
    expect(error).toMatchObject({ field: "body.locale", rule: "type", problem: "must be a string, got number" });
  });
});

describe("initiateConnection body", () => {
  it("requires targetEntityId", async () => {
    // @ts-expect-error targetEntityId is required
    const error = await rejectionOf(testClient(server.url).initiateConnection({}));
    expect(error).toMatchObject({ operationId: "initiateConnection", field: "body.targetEntityId", rule: "required" });
  });

  it("limits targetEntityId to 32 characters", async () => {
    const zuora = testClient(server.url);
    await zuora.initiateConnection({ targetEntityId: "a".repeat(32) });
    expect(server.requests).toHaveLength(1);
    server.requests.length = 0;
    const error = await rejectionOf(zuora.initiateConnection({ targetEntityId: "a".repeat(33) }));
    expect(error).toMatchObject({ field: "body.targetEntityId", rule: "maxLength" });
  });
});

describe("any header", () => {
  it("refuses a value an HTTP header cannot carry, without echoing it", async () => {
    const zuora = testClient(server.url);
    const error = await rejectionOf(
      zuora.POST("/v1/entities", { body: entityBody, headers: { "X-Note": "line\nbreak secret-ish" } }),
    );
    expect(error).toMatchObject({ field: "header x-note", rule: "headerValue" });
    expect(error.message).not.toContain("secret-ish");
  });
});

describe("integer query values", () => {
  it.each([1e21, Number.MAX_SAFE_INTEGER + 1, -(2 ** 60)])(
    "refuses %d, beyond which a number is not exact",
    async (page) => {
      const error = await rejectionOf(testClient(server.url).listConnections({ page }));
      expect(error).toMatchObject({ operationId: "listConnections", field: "query.page", rule: "type" });
      expect(error.message).toContain(`must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER}`);
    },
  );

  it("takes the largest safe integer", async () => {
    await testClient(server.url)
      .listConnections({ page: Number.MAX_SAFE_INTEGER })
      .catch(() => undefined);
    expect(server.requests[0]?.target).toBe(`/v1/entity-connections?page=${Number.MAX_SAFE_INTEGER}`);
  });
});

// What the client checks is exactly what it sends, and a bad value sends nothing at all.
describe("a body, judged as it would travel", () => {
  it("leaves out inherited fields, which are not sent, so they do not count", async () => {
    const error = await rejectionOf(testClient(server.url).createEntity(Object.create(entityBody)));
    expect(error.field).toBe("body.locale");
  });

  it("takes what a toJSON() returns", async () => {
    const lying = { ...entityBody, toJSON: () => ({ name: "bad_name!" }) };
    const error = await rejectionOf(testClient(server.url).createEntity(lying));
    expect(error.field).toMatch(/^body\./);
  });

  it.each([
    ["a BigInt field", () => ({ ...entityBody, extra: 10n })],
    [
      "a circular field",
      () => {
        const circular: Record<string, unknown> = { ...entityBody };
        circular.self = circular;
        return circular;
      },
    ],
  ])("makes zuora.POST reject, not throw, for %s", async (_, makeBody) => {
    const zuora = testClient(server.url);
    let outcome: Promise<unknown> | undefined;
    expect(() => {
      outcome = zuora.POST("/v1/entities", { body: makeBody() as typeof entityBody });
    }).not.toThrow();
    const error = await rejectionOf(outcome as Promise<unknown>);
    expect(error.field).toBe("body");
  });
});
