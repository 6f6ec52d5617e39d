import { describe, expect, it } from "vitest";
import { ZuoraTimeoutError } from "../../src/index.js";
import { testClient } from "../support/fixtures.js";
import { rejection } from "./support.js";

// A custom fetch that ignores init.signal may still answer after the attempt gave up on it. Nobody reads that answer,
// so the client cancels its body rather than leave the connection behind it open.

describe("an answer that arrives after its attempt timed out", () => {
  it("has its body cancelled", { timeout: 20_000 }, async () => {
    let cancelled!: () => void;
    const bodyCancelled = new Promise<void>((resolve) => {
      cancelled = resolve;
    });
    // Answers only once the attempt's signal has aborted: always too late, whatever the machine's speed.
    const fetch = (_: string, init: RequestInit) =>
      new Promise<Response>((resolve) => {
        init.signal?.addEventListener("abort", () => {
          const body = new ReadableStream({ cancel: () => cancelled() });
          resolve(new Response(body, { headers: { "content-type": "application/json" } }));
        });
      });
    const zuora = testClient("https://rest.test.zuora.com", { fetch });
    const error = await rejection(
      zuora.getEntity("8a80825556ff28a4015709096c5d6f5d", { timeoutMs: 20, maxRetries: 0 }),
    );
    expect(error).toBeInstanceOf(ZuoraTimeoutError);
    // Resolves when the client cancels the late body; the test's time limit only catches a client that never does.
    await bodyCancelled;
  });
});
