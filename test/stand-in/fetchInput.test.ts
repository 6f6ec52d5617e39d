import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createStandIn } from "../../stand-in/index.js";

const BASE = "https://rest.test.zuora.com";
const GLOBAL = createStandIn().globalEntityId;
const auth = { authorization: "Bearer t" };
const json = { ...auth, "content-type": "application/json" };
const entity = (name: string) => JSON.stringify({ name, parentId: GLOBAL, locale: "en_US", timezone: "Europe/London" });
const bytes = (text: string) => new TextEncoder().encode(text);

/** An answer without what differs on every call (its request ID, a failure's process ID). */
async function comparable(response: Response) {
  const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== "zuora-request-id"));
  const text = await response.text();
  const body = text === "" ? undefined : JSON.parse(text);
  if (body && typeof body === "object") delete body.processId;
  return { status: response.status, headers, body };
}

/** `(input, init)` given to `fetch`, and what the stand-in should read from it. */
const CALLS: [string, string | URL, RequestInit | undefined][] = [
  ["a JSON text body", `${BASE}/v1/entities`, { method: "POST", headers: json, body: entity("Text") }],
  [
    "a text body without a Content-Type (text/plain, as a Request says)",
    `${BASE}/v1/entities`,
    { method: "POST", headers: auth, body: entity("Plain") },
  ],
  [
    "a bytes body without a Content-Type (read as the operation's)",
    `${BASE}/v1/entities`,
    { method: "POST", headers: auth, body: bytes(entity("Bytes")) },
  ],
  [
    "a text body that starts with a byte order mark",
    `${BASE}/v1/entities`,
    { method: "POST", headers: json, body: `\uFEFF${entity("Marked")}` },
  ],
  [
    "a text body with a lone surrogate (JSON.stringify would have escaped it)",
    `${BASE}/v1/entities`,
    { method: "POST", headers: json, body: entity("Lone").replace('"Lone"', '"Lone", "displayName": "Lone\uD800"') },
  ],
  [
    "a gzipped bytes body",
    `${BASE}/v1/entities`,
    {
      method: "POST",
      headers: { ...json, "content-encoding": "gzip" },
      body: new Uint8Array(gzipSync(entity("Zipped"))),
    },
  ],
  [
    "a text body that says gzip and is not",
    `${BASE}/v1/entities`,
    { method: "POST", headers: { ...json, "content-encoding": "gzip" }, body: entity("NotZipped") },
  ],
  [
    "a body over the size limit",
    `${BASE}/v1/entities`,
    { method: "POST", headers: json, body: entity("x".repeat(600)) },
  ],
  [
    "a body whose UTF-8 is over the size limit",
    `${BASE}/v1/entities`,
    { method: "POST", headers: json, body: entity("€".repeat(300)) },
  ],
  [
    "a Content-Length over the size limit",
    `${BASE}/v1/entities`,
    { method: "POST", headers: { ...json, "content-length": "100000" }, body: entity("Long") },
  ],
  ["a lower-case method", `${BASE}/v1/entities`, { method: "post", headers: json, body: entity("Lower") }],
  [
    "headers as pairs, in mixed case, one name twice",
    `${BASE}/v1/entities`,
    {
      method: "POST",
      headers: [
        ["Authorization", "Bearer t"],
        ["Content-Type", "application/json"],
        ["Zuora-Track-Id", "a"],
        ["zuora-track-id", "b"],
      ],
      body: entity("Pairs"),
    },
  ],
  [
    "a header value with spaces around it",
    `${BASE}/v1/entities`,
    { method: "POST", headers: { ...json, "zuora-track-id": "  spaced \t" }, body: entity("Spaced") },
  ],
  ["a Headers object", `${BASE}/v1/entities`, { method: "POST", headers: new Headers(json), body: entity("Headers") }],
  ["a URL object and a query", new URL(`${BASE}/v1/entity-connections?pageSize=301`), { headers: auth }],
  ["no init at all", `${BASE}/v1/entities`, undefined],
  ["a member only a Request reads", `${BASE}/v1/entities`, { headers: auth, mode: "cors", cache: "no-store" }],
  [
    "a signal and a redirect mode, as the client sends them",
    `${BASE}/v1/entities`,
    { headers: auth, signal: new AbortController().signal, redirect: "manual" },
  ],
  [
    "a control endpoint",
    `${BASE}/__stand-in/seed`,
    { method: "POST", body: JSON.stringify({ entities: { EMEA: { parent: "Global" } } }) },
  ],
];

describe("the stand-in's fetch, given a URL and init", () => {
  it.each(CALLS)("answers %s exactly as it answers the Request built from them", async (_, input, init) => {
    // One clock for both: the rate window's reset, in seconds, is in every answer.
    const options = { maxBodyBytes: 512, limits: { now: () => 0 } };
    const direct = createStandIn(options);
    const through = createStandIn(options);
    const viaRequest = new Request(input, init);
    expect(await comparable(await direct.fetch(input, init))).toEqual(
      await comparable(await through.fetch(viaRequest)),
    );
    expect(direct.stateByName()).toEqual(through.stateByName());
  });

  it.each([
    ["a GET with a body", { method: "GET", headers: json, body: "{}" }],
    [
      "a header value with a line break",
      { method: "POST", headers: { ...json, "zuora-track-id": "a\nb" }, body: "{}" },
    ],
    ["a header name that is no token", { method: "POST", headers: { "bad name": "x" }, body: "{}" }],
    ["a method fetch forbids", { method: "TRACE", headers: json }],
    ["a signal that is no AbortSignal", { headers: json, signal: "soon" as unknown as AbortSignal }],
  ] as const)("refuses %s with fetch's TypeError, as a Request does", async (_, init) => {
    const standIn = createStandIn();
    expect(() => new Request(`${BASE}/v1/entities`, init as RequestInit)).toThrow(TypeError);
    await expect(standIn.fetch(`${BASE}/v1/entities`, init as RequestInit)).rejects.toThrow(TypeError);
    expect(standIn.requests()).toEqual([]);
  });

  it("refuses a relative URL and one with credentials, as a Request does", async () => {
    const standIn = createStandIn();
    await expect(standIn.fetch("/v1/entities", { headers: auth })).rejects.toThrow(TypeError);
    await expect(standIn.fetch("https://user:secret@rest.test.zuora.com/v1/entities")).rejects.toThrow(TypeError);
  });

  it("reads the caller's headers and bytes as they were when it was called, not as they are changed after", async () => {
    const standIn = createStandIn({ latencyMs: 5 });
    const headers = new Headers(json);
    const body = bytes(entity("Before"));
    const answered = standIn.fetch(`${BASE}/v1/entities`, { method: "POST", headers, body });
    // Read after the latency: the bearer token and the body.
    headers.delete("authorization");
    body.set(bytes("Zzzzzz"), body.indexOf("B".charCodeAt(0)));
    const response = await answered;
    expect(await response.json()).toMatchObject({ success: true, name: "Before" });
  });

  it("takes a null init as none, as fetch does", async () => {
    const standIn = createStandIn();
    const response = await standIn.fetch(`${BASE}/v1/entities`, null as unknown as RequestInit);
    expect(response.status).toBe(401);
    expect(standIn.requests()).toMatchObject([{ method: "GET", path: "/v1/entities", status: 401 }]);
  });
});

describe("the stand-in's fetch, given a signal", () => {
  const create = (name: string, signal: AbortSignal) =>
    [`${BASE}/v1/entities`, { method: "POST", headers: json, body: entity(name), signal }] as const;

  it("rejects a call whose signal has already aborted with the signal's reason, and changes nothing", async () => {
    const standIn = createStandIn();
    const before = standIn.stateByName();
    const error = await standIn.fetch(...create("Early", AbortSignal.abort())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: "AbortError" });
    const reason = new Error("user left");
    await expect(standIn.fetch(...create("Early", AbortSignal.abort(reason)))).rejects.toBe(reason);
    // A Request's own signal, and a Request with a body stream.
    const request = new Request(...create("Early", AbortSignal.abort(reason)));
    await expect(standIn.fetch(request)).rejects.toBe(reason);
    expect(standIn.stateByName()).toEqual(before);
    expect(standIn.requests()).toEqual([]);
  });

  it("rejects a call aborted while held for the latency, at once, and the tenant is as it was", async () => {
    // A latency far beyond the test's timeout: only the abort can end the wait.
    const standIn = createStandIn({ latencyMs: 600_000 });
    const before = standIn.stateByName();
    const controller = new AbortController();
    const reason = new Error("gave up");
    const pending = standIn.fetch(...create("Late", controller.signal));
    // In company: a call on another signal, held the same way, is not the one aborted.
    const other = new AbortController();
    const alongside = standIn.fetch(...create("Other", other.signal));
    let otherSettled = false;
    alongside.then(
      () => (otherSettled = true),
      () => (otherSettled = true),
    );
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(otherSettled).toBe(false);
    other.abort();
    await expect(alongside).rejects.toMatchObject({ name: "AbortError" });
    expect(standIn.stateByName()).toEqual(before);
    expect(standIn.requests().map((r) => r.status)).toEqual([undefined, undefined]);
  });
});
