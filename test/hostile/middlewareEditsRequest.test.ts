import { describe, expect, it } from "vitest";
import { entityBody, testClient } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";

// openapi-fetch sends the Request its onRequest middleware was given, so a header set on it travels even when the
// middleware returns nothing; the client's middleware means the same.

const server = useLoopbackServer(() => ({ json: { id: "8a80825556ff28a4015709096c5d6f5d", success: true } }));

describe("middleware that edits the request it was given", () => {
  it("sends a header it set without returning the request, for a helper and zuora.POST alike", async () => {
    const zuora = testClient(server.url);
    zuora.use({
      onRequest({ request }) {
        request.headers.set("x-audit", "kept");
        request.headers.delete("x-drop");
      },
    });
    await zuora.createEntity(entityBody, { trackId: "t-1" });
    await zuora.POST("/v1/entities", { body: entityBody, headers: { "x-drop": "gone" } });
    expect(server.requests.map((r) => r.headers["x-audit"])).toEqual(["kept", "kept"]);
    expect(server.requests[1]?.headers["x-drop"]).toBeUndefined();
    // The body and the client's own headers are untouched.
    expect(server.requests.map((r) => JSON.parse(r.text))).toEqual([entityBody, entityBody]);
    expect(server.requests[0]?.headers["zuora-track-id"]).toBe("t-1");
    expect(server.requests[0]?.headers.authorization).toBe("Bearer static-token-abc");
  });
});
