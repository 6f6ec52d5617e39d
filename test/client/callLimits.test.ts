import type { Client } from "openapi-fetch";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { paths } from "../../generated/schema.js";
import { type ZuoraClient, ZuoraServerError, ZuoraTimeoutError, ZuoraValidationError } from "../../src/index.js";
import { testClient } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";

const ID = "8a80825556ff28a4015709096c5d6f5d";
const entity = { id: ID, name: "n", status: "Provisioned", success: true };

const server = useLoopbackServer(() => ({ status: 503, json: { message: "down" } }));

/** A fetch that never settles and never looks at the signal it is given, counting its calls. */
function deafFetch() {
  const calls: string[] = [];
  const fetch = (url: string) => {
    calls.push(url);
    return new Promise<Response>(() => {});
  };
  return Object.assign(fetch, { calls });
}

describe("per-call limits", () => {
  it("takes this call's maxRetries over the client's, for helpers and zuora.GET alike", async () => {
    const zuora = testClient(server.url, { maxRetries: 1 });
    await expect(zuora.getEntity(ID, { maxRetries: 0 })).rejects.toBeInstanceOf(ZuoraServerError);
    expect(server.requests).toHaveLength(1);
    await zuora.GET("/v1/entities/{id}", { params: { path: { id: ID } }, maxRetries: 3 });
    expect(server.requests).toHaveLength(1 + 4);
    await expect(zuora.getEntity(ID)).rejects.toMatchObject({ attempts: 2 });
  });

  it("takes this call's timeoutMs over the client's", async () => {
    const fetch = deafFetch();
    const zuora = testClient("http://127.0.0.1:9", { fetch, timeoutMs: 2_147_483_647, maxRetries: 0 });
    const error = await zuora.getEntity(ID, { timeoutMs: 20 }).catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraTimeoutError);
    expect(error.message).toContain("no response within 20 ms");
  });

  it("settles at timeoutMs even when a custom fetch ignores init.signal, and retries", async () => {
    const fetch = deafFetch();
    const zuora = testClient("http://127.0.0.1:9", { fetch, timeoutMs: 20, maxRetries: 1 });
    const error = await zuora.getEntity(ID).catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraTimeoutError);
    expect(fetch.calls).toHaveLength(2);
  });

  it("settles at the caller's abort even when a custom fetch ignores init.signal", async () => {
    const controller = new AbortController();
    const fetch = (url: string) => {
      // The call is in the custom fetch, which will never settle: the caller gives up now.
      queueMicrotask(() => controller.abort(new Error("caller gave up")));
      return deafFetch()(url);
    };
    const zuora = testClient("http://127.0.0.1:9", { fetch, timeoutMs: 2_147_483_647 });
    await expect(zuora.getEntity(ID, { signal: controller.signal })).rejects.toThrow("caller gave up");
    await expect(
      zuora.GET("/v1/entities/{id}", { params: { path: { id: ID } }, signal: AbortSignal.abort(new Error("gone")) }),
    ).rejects.toThrow("gone");
  });

  it.each([
    [{ timeoutMs: 0 }, "options.timeoutMs", "minimum"],
    [{ timeoutMs: "5" }, "options.timeoutMs", "type"],
    [{ maxRetries: -1 }, "options.maxRetries", "minimum"],
    [{ maxRetries: 1.5 }, "options.maxRetries", "type"],
  ])("refuses %o before sending, naming the option", async (options, field, rule) => {
    const error = await testClient(server.url)
      .getEntity(ID, options as never)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraValidationError);
    expect(error).toMatchObject({ operationId: "getEntity", field, rule });
    expect(server.requests).toHaveLength(0);
  });

  it("names init.timeoutMs for zuora.GET", async () => {
    const error = await testClient(server.url)
      .GET("/v1/entities/{id}", { params: { path: { id: ID } }, timeoutMs: -5 })
      .catch((e) => e);
    expect(error).toMatchObject({ name: "ZuoraValidationError", field: "init.timeoutMs", rule: "minimum" });
    expect(server.requests).toHaveLength(0);
  });

  it("types timeoutMs and maxRetries in the init of zuora.GET and the rest as numbers, which the run time checks", async () => {
    const zuora = testClient(server.url);
    const params = { path: { id: ID } };
    // `npm test` type-checks this file: each refused line must fail to compile, or tsc reports the unused directive.
    const refused = [
      // @ts-expect-error timeoutMs is a number of ms
      zuora.GET("/v1/entities/{id}", { params, timeoutMs: "5" }),
      // @ts-expect-error maxRetries is a number
      zuora.PUT("/v1/entities/{id}/provision", { params, maxRetries: "1" }),
      // @ts-expect-error the same init, through request()
      zuora.request("get", "/v1/entities/{id}", { params, timeoutMs: "5" }),
    ];
    for (const call of refused)
      await expect(call).rejects.toMatchObject({ name: "ZuoraValidationError", rule: "type" });
    expect(server.requests).toHaveLength(0);
    // With numbers it compiles and is sent.
    await zuora.GET("/v1/entities/{id}", { params, timeoutMs: 5_000, maxRetries: 0 });
    expect(server.requests).toHaveLength(1);
  });

  it("leaves openapi-fetch's own types as they are: a client still fits where openapi-fetch's Client is expected", () => {
    expectTypeOf<ZuoraClient>().toExtend<Client<paths>>();
    // openapi-fetch's own client of the same paths is not narrowed (it takes any extra key, as it always has).
    const plain = (client: Client<paths>) => client.GET("/v1/entities", { timeoutMs: "5" });
    expectTypeOf(plain).toBeFunction();
  });

  it("reads a success when the per-call limits allow it", async () => {
    server.handler = () => ({ json: entity });
    await expect(testClient(server.url).getEntity(ID, { timeoutMs: 60_000, maxRetries: 0 })).resolves.toEqual(entity);
  });
});

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
    const error = await zuora.getEntity(ID, { timeoutMs: 20, maxRetries: 0 }).catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraTimeoutError);
    // Resolves when the client cancels the late body; the test's time limit only catches a client that never does.
    await bodyCancelled;
  });
});
