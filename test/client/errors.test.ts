import { describe, expect, it } from "vitest";
import { mayHaveActed, uncertainAfter } from "../../src/errors/mayHaveActed.js";
import { ZuoraApiError, ZuoraAuthenticationError, ZuoraBusinessError, ZuoraError } from "../../src/index.js";
import { entityBody, testClient } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";

const server = useLoopbackServer();

const refusal = (code: number | string) => ({
  json: { success: false, processId: "CBCFED6580B4E076", reasons: [{ code, message: "Invalid value" }] },
  headers: { "zuora-request-id": "6f4b1c2e-8d3a-4e5f-9a7b-0c1d2e3f4a5b", "zuora-track-id": "t-1" },
});

describe("errors", () => {
  it("surfaces an HTTP 200 with success false as a business error with Zuora's reasons", async () => {
    server.handler = () => refusal(53100320);
    const error = await testClient(server.url)
      .createEntity(entityBody, { trackId: "t-1" })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraBusinessError);
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error).toBeInstanceOf(ZuoraError);
    expect(error).toMatchObject({
      status: 200,
      reasons: [{ code: 53100320, message: "Invalid value" }],
      requestId: "6f4b1c2e-8d3a-4e5f-9a7b-0c1d2e3f4a5b",
      trackId: "t-1",
      attempts: 1,
      retryable: false,
    });
    expect(error.message).toContain(
      `POST ${server.url}/v1/entities was refused (HTTP 200, success: false) after 1 attempt`,
    );
  });

  it("accepts a reason code given as a string", async () => {
    server.handler = () => refusal("53100320");
    const error = await testClient(server.url)
      .createEntity(entityBody)
      .catch((e) => e);
    expect(error.reasons).toEqual([{ code: "53100320", message: "Invalid value" }]);
  });

  it.each([
    [50000050, true],
    [50000061, true],
    [50000070, true],
    [50000099, true],
    [50000020, false],
    [50000060, false],
  ])("marks reason %i as retryable: %s (categories 50, 61, 70, 99)", async (code, retryable) => {
    server.handler = () => refusal(code);
    const error = await testClient(server.url)
      .createEntity(entityBody)
      .catch((e) => e);
    expect(error.retryable).toBe(retryable);
    // Not resent by the client: the same key would replay the saved failure.
    expect(server.requests).toHaveLength(1);
  });

  it("surfaces a 401 as an authentication error", async () => {
    server.handler = () => ({ status: 401, json: { message: "Authentication error" } });
    await expect(testClient(server.url).createEntity(entityBody)).rejects.toBeInstanceOf(ZuoraAuthenticationError);
  });
});

describe("mayHaveActed: one rule over the call's record", () => {
  /** The record after attempts of a state change, each a status (undefined: no complete answer). */
  const record = (keyed: boolean, ...statuses: (number | undefined)[]) =>
    statuses.reduce<number>(
      (uncertain, status) => uncertainAfter(uncertain, { changesState: true, keyed, status, unreadable: false }),
      0,
    );

  it("is true once an attempt got no answer, or a 5xx, whatever later attempts answered", () => {
    for (const keyed of [true, false]) {
      expect(mayHaveActed({ uncertainAttempts: record(keyed, undefined) })).toBe(true);
      expect(mayHaveActed({ uncertainAttempts: record(keyed, 503) })).toBe(true);
      expect(mayHaveActed({ uncertainAttempts: record(keyed, undefined, 503, 429) })).toBe(true);
      expect(mayHaveActed({ uncertainAttempts: record(keyed, undefined, 409, 409) })).toBe(true);
    }
  });

  it("takes a keyed resend's answer with the key's outcome as settling the attempts before it; nothing settles without a key", () => {
    expect(mayHaveActed({ uncertainAttempts: record(true, undefined, 200) })).toBe(false);
    expect(mayHaveActed({ uncertainAttempts: record(true, undefined, 400) })).toBe(false);
    expect(mayHaveActed({ uncertainAttempts: record(false, undefined, 404) })).toBe(true);
    expect(mayHaveActed({ uncertainAttempts: record(true, undefined, 401) })).toBe(true);
  });

  it("counts an answer the client could not read, and never a read or the token request", () => {
    expect(uncertainAfter(0, { changesState: true, keyed: true, status: 200, unreadable: true })).toBe(1);
    expect(uncertainAfter(0, { changesState: false, keyed: false, status: undefined, unreadable: false })).toBe(0);
    expect(mayHaveActed({ uncertainAttempts: record(true, 429, 409) })).toBe(false);
  });
});
