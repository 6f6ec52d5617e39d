import { describe, expect, it } from "vitest";
import { ZuoraConnectionError } from "../../src/index.js";
import { entityBody, testClient } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";
import { rejection } from "./support.js";

// A POST carries an Idempotency-Key, but a key does not make an unanswered attempt harmless: Zuora may have created
// the entity. The error must say so, and that the way to learn the outcome is the same key; `retryable` alone
// ("a new call, with a new idempotency key") would create it twice.

// Every attempt reaches the server, which drops the connection before answering.
const server = useLoopbackServer(() => "reset");

describe("a keyed POST whose every attempt went unanswered", () => {
  it("says it may have acted, and to retry with the same Idempotency-Key", async () => {
    const zuora = testClient(server.url, { maxRetries: 1 });
    const error = await rejection(zuora.createEntity(entityBody, { idempotencyKey: "key-entity-1" }));
    expect(server.requests).toHaveLength(2);
    expect(error).toBeInstanceOf(ZuoraConnectionError);
    expect(error).toMatchObject({ attempts: 2, mayHaveActed: true, idempotencyKey: "key-entity-1" });
    expect(error.message).toContain("retry with the same Idempotency-Key (key-entity-1), not a new one");
  });
});
