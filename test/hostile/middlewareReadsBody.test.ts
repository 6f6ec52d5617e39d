import { describe, expect, it } from "vitest";
import { ZuoraApiError } from "../../src/index.js";
import { testClient } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";
import { rejection } from "./support.js";

// onResponse gets the answer with its body unread; one that reads it without clone() leaves the helper nothing to
// read. The error says so, rather than blaming the server for an empty body it never sent.

const ID = "8a80825556ff28a4015709096c5d6f5d";
const server = useLoopbackServer(() => ({ json: { id: ID, success: true } }));

describe("an onResponse middleware that reads the body without clone()", () => {
  it("makes a helper reject saying the body was read before the client could", async () => {
    const zuora = testClient(server.url);
    zuora.use({
      async onResponse({ response }) {
        await response.json();
      },
    });
    const error = await rejection(zuora.getEntity(ID));
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error.status).toBe(200);
    expect(error.message).toContain("already read");
    expect(error.message).toContain("clone()");
    expect(error.message).not.toContain("empty body");
  });
});
