import type { Middleware } from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { testClient } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";

// A call runs the middleware registered when it started: use() and eject() during it apply to the next call.

const ID = "8a80825556ff28a4015709096c5d6f5d";
const server = useLoopbackServer(() => ({ json: { id: ID, success: true } }));

function recorder(name: string, seen: string[], onRequest?: () => void): Middleware {
  return {
    onRequest() {
      seen.push(`${name} request`);
      onRequest?.();
    },
    onResponse() {
      seen.push(`${name} response`);
    },
  };
}

describe("middleware registered or ejected during a call", () => {
  it("a one-shot middleware that ejects itself does not make the call skip the next one", async () => {
    const zuora = testClient(server.url);
    const seen: string[] = [];
    const once: Middleware = recorder("once", seen, () => zuora.eject(once));
    zuora.use(once, recorder("always", seen));
    await zuora.getEntity(ID);
    expect(seen).toEqual(["once request", "always request", "always response", "once response"]);
    seen.length = 0;
    await zuora.getEntity(ID);
    expect(seen).toEqual(["always request", "always response"]);
  });

  it("a middleware used during a call sees the next call whole, not half of this one", async () => {
    const zuora = testClient(server.url);
    const seen: string[] = [];
    const late = recorder("late", seen);
    zuora.use(recorder("first", seen, () => zuora.use(late)));
    await zuora.getEntity(ID);
    expect(seen).toEqual(["first request", "first response"]);
  });
});
