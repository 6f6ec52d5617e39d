import { describe, expect, it } from "vitest";
import type { Logger } from "../../src/index.js";
import { entityBody, testClient } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";

// A logger is an observer: whatever it does, the call's outcome is the server's answer.

const created = { id: "8a80825556ff28a4015709096c5d6f5d", success: true };
// A 503 then a 201: every log line (attempt, retry decision, attempt) is written once.
const server = useLoopbackServer((_, n) => (n === 1 ? { status: 503, json: {} } : { json: created }));

function loggerThat(write: () => unknown): Logger & { calls: number } {
  const logger = { calls: 0, debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
  const each = () => {
    logger.calls++;
    return write();
  };
  return Object.assign(logger, { debug: each, info: each, warn: each, error: each });
}

describe("a logger that fails", () => {
  it("that throws does not turn an answered POST into a failure", async () => {
    const logger = loggerThat(() => {
      throw new Error("log sink down");
    });
    const zuora = testClient(server.url, { logger, logLevel: "debug" });
    await expect(zuora.createEntity(entityBody)).resolves.toEqual(created);
    expect(server.requests).toHaveLength(2);
    expect(logger.calls).toBe(3);
  });

  it("whose methods return a rejected promise leaves no unhandled rejection", async () => {
    const rejected: Promise<unknown>[] = [];
    const logger = loggerThat(() => {
      const write = Promise.reject(new Error("async log sink down"));
      rejected.push(write);
      return write;
    });
    const zuora = testClient(server.url, { logger, logLevel: "debug" });
    await expect(zuora.createEntity(entityBody)).resolves.toEqual(created);
    // A rejection nobody handled would fail this file (vitest reports it); each one is handled by the client.
    expect(rejected).toHaveLength(3);
  });
});
