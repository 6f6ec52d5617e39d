import { describe, expect, it } from "vitest";
import { ZuoraApiError } from "../../src/index.js";
import { entityBody, testClient } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";
import { pause, rejection } from "./support.js";

// Whatever the server leaves unfinished, the client closes: a connection held open by an answer the client has
// already judged is a socket (and a server slot) leaked for as long as the server cares to stall.

const server = useLoopbackServer();

/** Waits until `done()` holds or `limitMs` passes: a hang catcher, the caller asserts on `done()` after. */
async function eventually(done: () => boolean, limitMs = 30_000): Promise<void> {
  for (let waited = 0; waited < limitMs && !done(); waited += 10) await pause(10);
}

describe("a 205, whose status allows no body, announcing one and stalling it", () => {
  // (Node's own server drops the body of a 204 or 304 itself, so only 205 can play this on loopback.)
  it("closes the connection once the call has settled", async () => {
    server.handler = () => ({ status: 205, text: '{"success":true,"padding":"xxxxxxxx"}', stalled: true });
    const error = await rejection(testClient(server.url, { maxRetries: 0 }).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error.status).toBe(205);
    await eventually(() => server.unfinished() === 0);
    expect(server.unfinished()).toBe(0);
  });
});
