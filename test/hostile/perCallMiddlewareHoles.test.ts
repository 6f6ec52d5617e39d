import type { Middleware } from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { testClient } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";

// openapi-fetch skips an empty slot in a call's middleware list (`[debug ? logger : undefined]`), as zuora.use()
// does; a call with one runs the middleware that is there.

const ID = "8a80825556ff28a4015709096c5d6f5d";
const server = useLoopbackServer(() => ({ json: { id: ID, success: true } }));

describe("a call's own middleware list with empty slots", () => {
  it.each([null, undefined])("skips %s and runs the rest, with client middleware registered too", async (hole) => {
    const zuora = testClient(server.url);
    const seen: string[] = [];
    zuora.use({ onRequest: () => void seen.push("client") });
    const own: Middleware = { onRequest: () => void seen.push("own") };
    const { data } = await zuora.GET("/v1/entities/{id}", {
      params: { path: { id: ID } },
      middleware: [hole as unknown as Middleware, own],
    });
    expect(data).toEqual({ id: ID, success: true });
    expect(seen).toEqual(["client", "own"]);
    expect(server.requests).toHaveLength(1);
  });
});
