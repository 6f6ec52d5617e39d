import { describe, expect, it } from "vitest";
import { ZuoraApiError } from "../../src/index.js";
import { testClient } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";
import { settle } from "./support.js";

// A server that ignores the page number answers every page alike, nextPage included: the walk must end.

const server = useLoopbackServer();

describe("a list whose every page is the same page, with a nextPage", () => {
  it("ends allConnections with a ZuoraApiError at the first repeated page, rather than walking forever", async () => {
    server.handler = () => ({
      json: { success: true, entityConnections: [{ id: "conn-1" }], nextPage: "/v1/entity-connections?page=2" },
    });
    const seen: unknown[] = [];
    const walk = async () => {
      // A guard for the test alone: without the rule, the walk would go on for as long as the server answers.
      for await (const connection of testClient(server.url).allConnections()) if (seen.push(connection) > 50) break;
    };
    const outcome = await settle(walk());
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toBeInstanceOf(ZuoraApiError);
    expect(outcome.error.message).toContain(`GET ${server.url}/v1/entity-connections answered page 2`);
    expect(seen).toHaveLength(1);
    expect(server.to("/v1/entity-connections")).toHaveLength(2);
  });
});
