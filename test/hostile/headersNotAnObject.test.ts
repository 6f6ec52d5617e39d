import { describe, expect, it } from "vitest";
import { testClient } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";

// openapi-fetch skips a header source that is not an object; Object.entries() of a string would send one header per
// character ("0: a", "1: b", ...).

const ID = "8a80825556ff28a4015709096c5d6f5d";
const server = useLoopbackServer(() => ({ json: { id: ID, success: true } }));

describe("headers that are not an object", () => {
  it.each<[string, unknown]>([
    ["a string", "x-trace: 1"],
    ["a number", 42],
    ["true", true],
  ])("(%s) add no header, as with openapi-fetch", async (_, headers) => {
    const zuora = testClient(server.url);
    await zuora.GET("/v1/entities/{id}", {
      params: { path: { id: ID }, header: headers as never },
      headers: headers as never,
    });
    const sent = Object.keys(server.requests[0]?.headers ?? {});
    expect(sent.filter((name) => /^\d+$/.test(name) || name === "x-trace")).toEqual([]);
  });
});
