import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { callInfo, type ZuoraClientOptions, ZuoraValidationError } from "../../src/index.js";
import { entityBody, testClient } from "../support/fixtures.js";
import { type Answer, type LoopbackServer, startLoopbackServer } from "../support/loopbackServer.js";
import { settle } from "./support.js";

// The helpers send through the pipeline's direct door unless openapi-fetch middleware was registered; then they go
// through openapi-fetch as they always did. A no-op middleware therefore gives the old way of sending: for the same
// values and the same hostile answers, both ways must send the same bytes and give the caller the same outcome.

let server: LoopbackServer;
beforeEach(async () => {
  server = await startLoopbackServer();
});
afterEach(() => server.close());

type Client = ReturnType<typeof testClient>;
// biome-ignore lint/suspicious/noExplicitAny: a careless caller passes whatever it likes
type Loose = (...args: any[]) => Promise<unknown>;

const fixed = { idempotencyKey: () => "fixed-key-1" };

/** The direct door (no middleware) and the openapi-fetch door (a middleware that changes nothing). */
function twoClients(overrides: Partial<ZuoraClientOptions> = {}) {
  const direct = testClient(server.url, { ...fixed, ...overrides });
  const viaOpenapiFetch = testClient(server.url, { ...fixed, ...overrides });
  // Counts the calls that went through openapi-fetch: proof that the old door is the one compared against.
  const throughOpenapiFetch = { calls: 0 };
  viaOpenapiFetch.use({ onRequest: () => void throughOpenapiFetch.calls++ });
  return { direct, viaOpenapiFetch, throughOpenapiFetch };
}

/** Everything a caller could see of an outcome, with the class of an error. */
function outcomeOf(settled: Awaited<ReturnType<typeof settle>>): unknown {
  if (settled.ok) return { ok: true, value: settled.value };
  const error = settled.error;
  const { stack: _stack, ...fields } = Object.getOwnPropertyDescriptors(error);
  return {
    ok: false,
    class: error?.constructor?.name,
    name: error?.name,
    message: error?.message,
    fields: Object.fromEntries(Object.entries(fields).map(([key, d]) => [key, withoutStack(inspect(d.value))])),
    json: JSON.stringify(error),
  };
}

/** An inspected value without its stack frames: the two doors call from different places. */
function withoutStack(text: string): string {
  return text.replace(/^\s+at .*$\n?/gm, "");
}

/** What went over the wire for the calls since `from`. */
function wire(from: number) {
  return server.requests.slice(from).map((r) => ({
    method: r.method,
    target: r.target,
    headers: Object.fromEntries(Object.entries(r.headers).filter(([name]) => name !== "connection")),
    body: r.raw.toString("hex"),
  }));
}

/** Calls `call` on both clients, one after the other, and compares what was sent and what the caller got. */
async function compare(call: (client: Client) => Promise<unknown>, overrides: Partial<ZuoraClientOptions> = {}) {
  const { direct, viaOpenapiFetch, throughOpenapiFetch } = twoClients(overrides);
  const before = server.requests.length;
  const old = outcomeOf(await settle(call(viaOpenapiFetch)));
  const middle = server.requests.length;
  const now = outcomeOf(await settle(call(direct)));
  const sentOld = wire(before).slice(0, middle - before);
  const sentNow = wire(middle);
  if (sentOld.some((r) => r.target.startsWith("/v1/"))) expect(throughOpenapiFetch.calls).toBeGreaterThan(0);
  expect({ sent: sentNow, outcome: now }).toEqual({ sent: sentOld, outcome: old });
  return { outcome: now, sent: sentNow };
}

/**
 * Compares `call` given a signal the caller aborts 50 ms in, and checks that both doors reject with the caller's own
 * reason.
 */
async function compareAborted(
  call: (client: Client, signal: AbortSignal) => Promise<unknown>,
  overrides: Partial<ZuoraClientOptions> = {},
) {
  const reason = new Error("caller gave up");
  const { outcome } = await compare((zuora) => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), 50);
    return call(zuora, controller.signal);
  }, overrides);
  expect(outcome).toMatchObject({ ok: false, message: "caller gave up" });
}

const answers: Array<[string, Answer]> = [
  ["a success", { json: { id: "e1", success: true } }],
  ["an empty 200", { text: "" }],
  ["a 200 HTML page", { headers: { "content-type": "text/html" }, text: "<html>login</html>" }],
  ["a 200 null", { text: "null" }],
  ["a 200 array", { text: "[1]" }],
  ["a 200 string", { text: '"ok"' }],
  ["success: false", { json: { success: false, reasons: [{ code: 50000040, message: "no" }] } }],
  ["a 204", { status: 204, text: "" }],
  ["a 205", { status: 205, text: "" }],
  ["a 302 with Location", { status: 302, headers: { location: "http://127.0.0.1:1/elsewhere" }, text: "" }],
  ["a 404 HTML page", { status: 404, headers: { "content-type": "text/html" }, text: "<h1>Not found</h1>" }],
  ["a 400 JSON error", { status: 400, json: { success: false, reasons: [{ code: 1, message: "bad" }] } }],
  ["a 400 empty", { status: 400, text: "" }],
  ["a 200 gzip", { json: { id: "g", success: true }, gzip: true }],
  ["a 200 Latin-1", { headers: { "content-type": "application/json; charset=iso-8859-1" }, text: "{\xe9" }],
  ["a 200 corrupt JSON", { text: '{"success":tr' }],
];

describe("the direct door against the openapi-fetch door, hostile answers", () => {
  it.each(answers)("getEntity: %s", async (_, answer) => {
    server.handler = () => answer;
    await compare((zuora) => zuora.getEntity("e1"), { maxRetries: 0 });
  });

  it.each(answers)("createEntity: %s", async (_, answer) => {
    server.handler = () => answer;
    await compare((zuora) => zuora.createEntity(entityBody), { maxRetries: 0 });
  });

  it.each(answers)("updateEntity: %s", async (_, answer) => {
    server.handler = () => answer;
    await compare((zuora) => zuora.updateEntity("e1", { displayName: "x" }), { maxRetries: 0 });
  });

  it("a reset connection", async () => {
    server.handler = () => "reset";
    await compare((zuora) => zuora.updateEntity("e1", { displayName: "x" }), { maxRetries: 1 });
  });

  it("a 500 on a PUT, twice", async () => {
    server.handler = () => ({ status: 500, text: "oops" });
    await compare((zuora) => zuora.updateEntity("e1", { displayName: "x" }), { maxRetries: 1 });
  });

  it("a 429 with Retry-After then success", async () => {
    server.handler = (_request, n) =>
      n % 2 === 1 ? { status: 429, headers: { "retry-after": "1" }, text: "" } : { json: { success: true } };
    await compare((zuora) => zuora.getEntity("e1"));
  });

  it("a 401 then a refreshed token", async () => {
    server.handler = (request) =>
      request.headers.authorization === "Bearer fresh-token-1"
        ? { json: { success: true } }
        : { status: 401, json: {} };
    await compare((zuora) => zuora.getEntity("e1"), {
      auth: ({ forceRefresh }) => (forceRefresh ? "fresh-token-1" : "stale-token-1"),
    });
  });

  it("withResponse()", async () => {
    server.handler = () => ({ headers: { "zuora-request-id": "req-1" }, json: { success: true } });
    const { outcome } = await compare(async (zuora) => {
      const { response: _response, ...rest } = await zuora.getEntity("e1").withResponse();
      return rest;
    });
    expect(outcome).toMatchObject({ ok: true, value: { requestId: "req-1", attempts: 1 } });
  });
});

const pathValues: Array<[string, unknown]> = [
  ["a/b", "a/b"],
  ["..", ".."],
  ["x?y=1", "x?y=1"],
  ["#", "#"],
  ["empty", ""],
  ["a space", "a b"],
  ["a number", 123],
  ["an object", { id: "e1" }],
  ["null", null],
  ["undefined", undefined],
  ["not Latin-1", "ключ"],
];

describe("the direct door against the openapi-fetch door, careless callers", () => {
  it.each(pathValues)("getEntity with a path value: %s", async (_, value) => {
    await compare((zuora) => (zuora.getEntity as Loose)(value));
  });

  it.each(pathValues)("updateEntity with a path value: %s", async (_, value) => {
    await compare((zuora) => (zuora.updateEntity as Loose)(value, { displayName: "x" }));
  });

  it.each([
    ["an object", { page: { a: 1 } }],
    ["an array", { page: [1, 2] }],
    ["NaN", { page: Number.NaN }],
    ["an unknown key", { extra: "x y" }],
    ["an unknown object key", { extra: { a: "b" } }],
    ["an unknown array key", { extra: [1, 2] }],
    ["a key with a hash", { "x#y": "1" }],
    ["a string", "page=2"],
    ["null", null],
  ])("listConnections with query %s", async (_, query) => {
    await compare((zuora) => (zuora.listConnections as Loose)(query));
  });

  const cyclic: Record<string, unknown> = { ...entityBody };
  cyclic.self = cyclic;
  it.each([
    ["a toJSON", { toJSON: () => entityBody }],
    ["a getter", Object.defineProperty({ ...entityBody }, "extra", { get: () => "g", enumerable: true })],
    ["a BigInt", { ...entityBody, n: 1n }],
    ["a cycle", cyclic],
    ["a toJSON returning undefined", { toJSON: () => undefined }],
    ["a string", JSON.stringify(entityBody)],
    ["null", null],
    ["undefined", undefined],
  ])("createEntity with a body with %s", async (_, body) => {
    await compare((zuora) => (zuora.createEntity as Loose)(body));
  });

  it.each([
    ["a toJSON returning undefined", { toJSON: () => undefined }],
    ["null", null],
    ["an array", []],
  ])("updateEntity with a body with %s", async (_, body) => {
    await compare((zuora) => (zuora.updateEntity as Loose)("e1", body));
  });

  it.each([
    ["a newline in trackId", { trackId: "a\nb" }],
    ["a trailing newline in trackId", { trackId: "ab\n" }],
    ["non-Latin-1 trackId", { trackId: "ключ" }],
    ["a number trackId", { trackId: 12 }],
    ["an array entityIds", { entityIds: ["a", "b"] }],
    ["an object entityIds", { entityIds: { a: 1 } }],
    ["idempotencyKey on a PUT", { idempotencyKey: "k1" }],
    ["options null", null],
    ["options a string", "x"],
    ["a null signal", { signal: null }],
  ])("updateEntity with options: %s", async (_, options) => {
    await compare((zuora) => (zuora.updateEntity as Loose)("e1", { displayName: "x" }, options));
  });

  it("an already-aborted signal", async () => {
    const reason = new Error("caller gave up");
    const { outcome, sent } = await compare((zuora) => zuora.getEntity("e1", { signal: AbortSignal.abort(reason) }));
    expect(sent).toHaveLength(0);
    expect(outcome).toMatchObject({ ok: false, message: "caller gave up" });
  });
});

describe("the direct door against the openapi-fetch door, timing and aborts", () => {
  it("a stalled body with a small timeoutMs", async () => {
    server.handler = () => ({ json: { success: true, id: "x".repeat(200) }, stalled: true });
    await compare((zuora) => zuora.getEntity("e1"), { timeoutMs: 200, maxRetries: 1 });
  });

  it("a hang with a small timeoutMs on a PUT", async () => {
    server.handler = () => "hang";
    await compare((zuora) => zuora.updateEntity("e1", { displayName: "x" }), { timeoutMs: 200, maxRetries: 1 });
  });

  it("a truncated gzip body", async () => {
    server.handler = () => ({ json: { success: true, id: "y".repeat(300) }, truncated: true });
    await compare((zuora) => zuora.getEntity("e1"), { maxRetries: 1 });
  });

  it("a gzipped request body", async () => {
    await compare((zuora) => zuora.createEntity(entityBody), { compression: { minBytes: 1 } });
  });

  it("an abort while the answer hangs", async () => {
    server.handler = () => "hang";
    await compareAborted((zuora, signal) => zuora.getEntity("e1", { signal }));
  });

  it("an abort during the token request", async () => {
    server.handler = (request) => (request.path === "/oauth/token" ? "hang" : { json: { success: true } });
    await compareAborted((zuora, signal) => zuora.getEntity("e1", { signal }), {
      auth: { clientId: "client-id-1", clientSecret: "client-secret-xyz" },
    });
  });

  it("an abort while a success body stalls", async () => {
    server.handler = () => ({ json: { success: true, id: "z".repeat(200) }, stalled: true });
    await compareAborted((zuora, signal) => zuora.getEntity("e1", { signal }));
  });

  it("an abort while the token function refreshes after a 401", async () => {
    server.handler = () => ({ status: 401, json: {} });
    await compareAborted((zuora, signal) => zuora.getEntity("e1", { signal }), {
      auth: ({ forceRefresh }) =>
        forceRefresh ? new Promise<string>(() => undefined) : Promise.resolve("stale-token-1"),
    });
  });

  it("a PUT answered 500 then 200 counts the unanswered attempt", async () => {
    server.handler = (_request, n) => (n % 2 === 1 ? { status: 500, text: "oops" } : { json: { success: true } });
    const { outcome } = await compare(async (zuora) => {
      const { response } = await zuora.updateEntity("e1", { displayName: "x" }).withResponse();
      return callInfo(response);
    });
    expect(outcome).toMatchObject({ ok: true, value: { attempts: 2, unanswered: 1 } });
  });

  it("an abort during a Retry-After wait", async () => {
    server.handler = () => ({ status: 429, headers: { "retry-after": "5" }, text: "" });
    await compareAborted((zuora, signal) => zuora.getEntity("e1", { signal }), { retry: { baseDelayMs: 0 } });
  });
});

/** A transport that records what it was given, then does `then`. */
function recordingFetch(seen: unknown[], then: (url: string, init: RequestInit) => unknown) {
  return ((url: string, init: RequestInit) => {
    seen.push({
      url,
      method: init.method,
      headers: [...new Headers(init.headers)],
      body: init.body ? Buffer.from(init.body as Uint8Array).toString("hex") : init.body,
      redirect: init.redirect,
      signal: init.signal instanceof AbortSignal,
    });
    return then(url, init);
  }) as unknown as typeof fetch;
}

describe("the direct door against the openapi-fetch door, a custom fetch", () => {
  it.each([
    ["a 200 with no body", () => new Response(null, { status: 200 })],
    [
      "a synchronous throw",
      () => {
        throw new Error("boom static-token-abc");
      },
    ],
    ["a rejection with a string", () => Promise.reject("boom")],
    ["undefined", () => undefined],
    ["a plain object", () => ({})],
    [
      "a Response-like object",
      () => ({
        status: 200,
        ok: true,
        type: "basic",
        headers: new Headers({ "content-type": "application/json" }),
        arrayBuffer: async () => new TextEncoder().encode('{"success":true}').buffer,
        bodyUsed: false,
      }),
    ],
    ["Response.error()", () => Response.error()],
    [
      "a 200 whose body errors",
      () =>
        new Response(
          new ReadableStream({
            pull(c) {
              c.error(new Error("torn static-token-abc"));
            },
          }),
          { status: 200, headers: { "content-type": "application/json" } },
        ),
    ],
    ["a success", (url: string, init: RequestInit) => fetch(url, init)],
  ])("%s", async (_, then) => {
    const seenOld: unknown[] = [];
    const seenNow: unknown[] = [];
    const viaOpenapiFetch = testClient(server.url, { ...fixed, maxRetries: 1, fetch: recordingFetch(seenOld, then) });
    viaOpenapiFetch.use({ onRequest: () => undefined });
    const direct = testClient(server.url, { ...fixed, maxRetries: 1, fetch: recordingFetch(seenNow, then) });
    const call = (zuora: Client) => (zuora.listConnections as Loose)({ page: 2 });
    const old = outcomeOf(await settle(call(viaOpenapiFetch)));
    const now = outcomeOf(await settle(call(direct)));
    expect({ seen: seenNow, outcome: now }).toEqual({ seen: seenOld, outcome: old });
  });
});

describe("a signal that is not an AbortSignal", () => {
  const credentials = { clientId: "client-id-1", clientSecret: "client-secret-xyz" };
  const noop = () => undefined;
  it.each([
    ["an empty object", {}],
    [
      "a look-alike",
      { aborted: false, reason: undefined, throwIfAborted: noop, addEventListener: noop, removeEventListener: noop },
    ],
    ["a string", "stop"],
  ])(
    "is refused as %s with a ZuoraValidationError naming options.signal, nothing sent, token request included",
    async (_, signal) => {
      const { direct, viaOpenapiFetch } = twoClients({ auth: credentials });
      for (const zuora of [direct, viaOpenapiFetch]) {
        const error = await settle((zuora.updateEntity as Loose)("e1", { displayName: "x" }, { signal }));
        expect(error.ok).toBe(false);
        expect(error.ok || error.error).toBeInstanceOf(ZuoraValidationError);
        expect(error.ok || error.error).toMatchObject({
          operationId: "updateEntity",
          field: "options.signal",
          rule: "type",
        });
      }
      const walk = await settle(
        (async () => {
          for await (const _item of (direct.allConnections as (...args: unknown[]) => AsyncIterable<unknown>)(
            {},
            { signal },
          )) {
            // a walk that starts at all is wrong
          }
        })(),
      );
      expect(walk.ok || walk.error).toMatchObject({ operationId: "listConnections", field: "options.signal" });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(server.requests).toHaveLength(0);
    },
  );
});

describe("the URL a custom fetch is handed", () => {
  /** A transport that answers every call with a success and records the URL it was handed. */
  function urlRecorder(urls: string[]) {
    return (async (url: string) => {
      urls.push(url);
      return new Response('{"success":true}', { headers: { "content-type": "application/json" } });
    }) as unknown as typeof fetch;
  }

  it.each([
    ["an upper-case host and a default port", "http://Zuora.Example:80"],
    ["a dot segment", "https://zuora.example/rest/../api"],
    ["an international host", "https://zuöra.example"],
    ["a space in its path", "https://zuora.example/my api"],
  ])("is the one zuora.GET hands it, for a baseUrl with %s", async (_, baseUrl) => {
    const urls: string[] = [];
    const zuora = testClient(baseUrl, { fetch: urlRecorder(urls) });
    await zuora.getEntity("e1");
    await zuora.GET("/v1/entities/{id}", { params: { path: { id: "e1" } } });
    expect(urls).toHaveLength(2);
    expect(urls[0]).toBe(urls[1]);
  });

  it("is the one zuora.GET hands it, for a query key a careless caller made up", async () => {
    const urls: string[] = [];
    const zuora = testClient("https://zuora.example", { fetch: urlRecorder(urls) });
    const query = { page: 2, "odd key": "it's" } as { page: number };
    await zuora.listConnections(query);
    await zuora.GET("/v1/entity-connections", { params: { query } });
    expect(urls).toHaveLength(2);
    expect(urls[0]).toBe(urls[1]);
  });
});

describe("allConnections with null for its arguments", () => {
  it("walks as with none, as a helper takes null options as none", async () => {
    server.handler = (request) =>
      request.target.includes("page=1")
        ? { json: { success: true, entityConnections: [{ id: "c1" }], nextPage: "next" } }
        : { json: { success: true, entityConnections: [] } };
    const zuora = testClient(server.url);
    const walk = zuora.allConnections as unknown as (query: null, options: null) => AsyncIterable<unknown>;
    const items: unknown[] = [];
    for await (const item of walk(null, null)) items.push(item);
    expect(items).toEqual([{ id: "c1" }]);
    expect(server.requests.map((r) => r.target)).toEqual([
      "/v1/entity-connections?page=1",
      "/v1/entity-connections?page=2",
    ]);
  });
});

describe("query values the spec does not describe", () => {
  it.each([
    ["an object inside an object", { extra: { a: { b: 1 } } }],
    ["an object inside an array", { extra: [{ a: 1 }] }],
    ["a function, whose source text would travel", { extra: () => "secret" }],
    ["a symbol", { extra: Symbol("s") }],
    ["an inherited function, which openapi-fetch sends too", Object.create({ extra: () => "secret" })],
  ])(
    "refuses %s with a ZuoraValidationError naming it, sending nothing, for a helper and zuora.GET",
    async (_, query) => {
      const zuora = testClient(server.url);
      const viaHelper = await settle((zuora.listConnections as Loose)(query));
      const viaGet = await settle(
        zuora.GET("/v1/entity-connections", { params: { query: query as unknown as { page: number } } }),
      );
      for (const outcome of [viaHelper, viaGet]) {
        expect(outcome.ok || outcome.error).toBeInstanceOf(ZuoraValidationError);
        expect(outcome.ok || outcome.error).toMatchObject({ field: "query.extra", rule: "type" });
      }
      expect(server.requests).toHaveLength(0);
    },
  );

  it("still sends an object or array of plain values, as openapi-fetch serializes them", async () => {
    const zuora = testClient(server.url);
    await (zuora.listConnections as Loose)({ extra: { a: "b" }, list: [1, 2] });
    expect(server.requests.map((r) => r.target)).toEqual(["/v1/entity-connections?extra[a]=b&list=1&list=2"]);
  });
});

describe("values read once: a getter cannot send what validation never saw", () => {
  /** An object whose `name` is `first` on the first read and `then` on every later one. */
  function changing(name: string, first: unknown, then: unknown) {
    const reads = { count: 0 };
    const values = Object.defineProperty({}, name, {
      enumerable: true,
      get: () => (reads.count++ === 0 ? first : then),
    });
    return { values, reads };
  }

  it.each([
    ["the direct door", false],
    ["the openapi-fetch door", true],
  ])("a helper sends the query value it checked, through %s", async (_, middleware) => {
    const zuora = testClient(server.url);
    if (middleware) zuora.use({ onRequest: () => undefined });
    const { values, reads } = changing("page", 2, -5);
    await settle((zuora.listConnections as Loose)(values));
    expect(server.requests.map((r) => r.target)).toEqual(["/v1/entity-connections?page=2"]);
    expect(reads.count).toBe(1);
  });

  it("zuora.GET sends the path value it checked, not a dot segment that names another resource", async () => {
    const zuora = testClient(server.url);
    const { values } = changing("id", "e1", "..");
    await settle(zuora.GET("/v1/entities/{id}", { params: { path: values as { id: string } } }));
    expect(server.requests.map((r) => r.target)).toEqual(["/v1/entities/e1"]);
  });

  it("zuora.GET sends the query value it checked, inside an object too", async () => {
    const zuora = testClient(server.url);
    const { values } = changing("a", "b", { c: 1 });
    await settle(zuora.GET("/v1/entity-connections", { params: { query: { extra: values } as { page?: number } } }));
    expect(server.requests.map((r) => r.target)).toEqual(["/v1/entity-connections?extra[a]=b"]);
  });
});

describe("header values read once by zuora.PUT and the rest", () => {
  it("a header getter cannot add an Idempotency-Key to a PUT after the check found none", async () => {
    const zuora = testClient(server.url);
    let reads = 0;
    const headers = Object.defineProperty({}, "Idempotency-Key", {
      enumerable: true,
      get: () => (reads++ === 0 ? undefined : "sneaked-in"),
    });
    await settle(
      zuora.PUT("/v1/entities/{id}", { params: { path: { id: "e1" } }, body: { displayName: "x" }, headers }),
    );
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers["idempotency-key"]).toBeUndefined();
  });

  it("a params.header getter cannot send a track id the check never saw", async () => {
    const zuora = testClient(server.url);
    let reads = 0;
    const header = Object.defineProperty({}, "Zuora-Track-Id", {
      enumerable: true,
      get: () => (reads++ === 0 ? "checked" : "not:checked"),
    });
    await settle(zuora.GET("/v1/entities/{id}", { params: { path: { id: "e1" }, header } as never }));
    expect(server.requests.map((r) => r.headers["zuora-track-id"])).toEqual(["checked"]);
  });
});

describe("zuora.request(method, ...)", () => {
  it("is checked as zuora.GET is: a path value that names another resource is refused, nothing sent", async () => {
    const zuora = testClient(server.url);
    const outcome = await settle(zuora.request("get", "/v1/entities/{id}", { params: { path: { id: "a/b" } } }));
    expect(outcome.ok || outcome.error).toBeInstanceOf(ZuoraValidationError);
    expect(outcome.ok || outcome.error).toMatchObject({ operationId: "getEntity", field: "path.id" });
    expect(server.requests).toHaveLength(0);
  });

  it("sends the same request as zuora.PUT for the same values", async () => {
    const zuora = testClient(server.url);
    const init = { params: { path: { id: "e1" } }, body: { displayName: "x" } };
    const viaRequest = await zuora.request("put", "/v1/entities/{id}", init);
    const viaPut = await zuora.PUT("/v1/entities/{id}", init);
    expect(viaRequest.data).toEqual(viaPut.data);
    const [a, b] = server.requests;
    expect({ ...a?.headers, target: a?.target, body: a?.text }).toEqual({
      ...b?.headers,
      target: b?.target,
      body: b?.text,
    });
  });
});
