import { connect } from "node:net";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { startFrontLayer } from "../../mock-server/frontLayer.js";
import { createZuoraClient, reasonCategory } from "../../src/index.js";
import { IdempotencyStore, MAX_IDEMPOTENCY_KEYS } from "../../stand-in/http/idempotency.js";
import { createStandIn, listen, type StandIn } from "../../stand-in/node.js";
import { Tenant } from "../../stand-in/tenant/tenant.js";
import { outcome as outcomeOf } from "../support/outcome.js";

// The seven ways issue 21 found the stand-in and the front layer breaking, each pinned by the behaviour users need.

const BASE = "https://rest.test.zuora.com";
const place = { locale: "en_US", timezone: "America/Los_Angeles" };
const noWait = { sleep: async () => {} };
const json = { "content-type": "application/json", authorization: "Bearer t" };

function clientOf(standIn: StandIn, baseUrl = BASE) {
  return createZuoraClient({ baseUrl, auth: "any-token", fetch: standIn.fetch, retry: noWait });
}

/** The category of a business failure's first reason, or the HTTP status when the answer is not one. */
async function outcome(response: Response): Promise<number | string> {
  const body = await response.json();
  if (response.status === 200 && body.success === false) return reasonCategory(body.reasons[0].code) ?? "no category";
  return response.status === 200 ? "ok" : response.status;
}

describe("an id in a createEntity body", () => {
  it("is refused as a field createEntity does not take (21): the global entity stays, nothing is created", async () => {
    const standIn = createStandIn();
    const zuora = clientOf(standIn);
    const global = await zuora.getEntity(standIn.globalEntityId);
    const clone = zuora.createEntity({ ...global, ...place, name: "Clone", parentId: standIn.globalEntityId });
    expect(await outcomeOf(clone)).toMatch(/^refused 21: The field "(id|success|status|tenantId)" is not one/);
    expect(await zuora.getEntity(standIn.globalEntityId)).toMatchObject({ name: "Global", parentId: null });
    expect(standIn.state().entities.map((e) => e.id)).toEqual([standIn.globalEntityId]);
  });

  it("cannot set status or tenantId either: each is refused (21), and nothing is created", async () => {
    const standIn = createStandIn();
    for (const extra of [{ status: "Provisioned" }, { tenantId: "1" }, { id: "x" }]) {
      const response = await standIn.fetch(`${BASE}/v1/entities`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({ name: "Sneaky", parentId: standIn.globalEntityId, ...place, ...extra }),
      });
      expect(await outcome(response)).toBe(21);
    }
    expect(standIn.state().entities).toHaveLength(1);
  });
});

describe("a null where the spec has no null", () => {
  it("is a category-20 failure over HTTP, and every GET still follows the Entity schema", async () => {
    const standIn = createStandIn();
    const server = await listen(standIn);
    try {
      const put = (body: unknown) =>
        fetch(`${server.url}/v1/entities/${standIn.globalEntityId}`, {
          method: "PUT",
          headers: json,
          body: JSON.stringify(body),
        });
      for (const body of [{ name: null }, { displayName: null }, { locale: null }, { timezone: null }]) {
        expect(await outcome(await put(body))).toBe(20);
      }
      const entity = await (
        await fetch(`${server.url}/v1/entities/${standIn.globalEntityId}`, { headers: json })
      ).json();
      expect(entity).toMatchObject({ name: "Global", displayName: "Global", locale: "en_US" });
    } finally {
      await server.close();
    }
  });
});

describe("the front layer", () => {
  it("answers a body labelled gzip that is not gzip, and bad JSON to its own endpoints, with 400 and stays up", async () => {
    const upstream = await listen(createStandIn());
    const front = await startFrontLayer(upstream.url);
    try {
      const notGzip = await fetch(`${front.url}/v1/entities`, {
        method: "POST",
        headers: { ...json, "content-encoding": "gzip" },
        body: "{not gzip at all}",
      });
      expect(notGzip.status).toBe(400);
      for (const path of ["/__front/faults", "/__front/release"]) {
        const bad = await fetch(`${front.url}${path}`, { method: "POST", headers: json, body: "{oops" });
        expect(bad.status).toBe(400);
      }
      const impossible = await fetch(`${front.url}/__front/faults`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({ trackId: "t", faults: [{ status: 999 }] }),
      });
      expect(impossible.status).toBe(400);
      expect((await fetch(`${front.url}/v1/entities`, { headers: json })).status).toBe(200);
    } finally {
      await front.close();
      await upstream.close();
    }
  });
});

describe("the front layer's memory", () => {
  it("keeps the latest maxRecords records of a track id and maxRecords saved keys, not every request for ever", async () => {
    const standIn = createStandIn();
    const upstream = await listen(standIn);
    const front = await startFrontLayer(upstream.url, { maxRecords: 3 });
    try {
      // Zuora replays by key a POST (or PATCH) only: each key creates an entity of its own.
      const create = (key: string) =>
        fetch(`${front.url}/v1/entities`, {
          method: "POST",
          headers: { ...json, "zuora-track-id": "long-session", "idempotency-key": key },
          body: JSON.stringify({ name: key, parentId: standIn.globalEntityId, ...place }),
        });
      for (const key of ["k1", "k2", "k3", "k4", "k5"]) expect((await create(key)).status).toBe(200);
      const log = await (await fetch(`${front.url}/__front/log?trackId=long-session`)).json();
      expect(log.map((r: { idempotencyKey: string }) => r.idempotencyKey)).toEqual(["k3", "k4", "k5"]);
      // k1's saved answer was dropped: the same key is forwarded again, not replayed; k5's still is.
      await create("k1");
      await create("k5");
      const after = await (await fetch(`${front.url}/__front/log?trackId=long-session`)).json();
      expect(after.map((r: { idempotency?: string }) => r.idempotency ?? "forwarded")).toEqual([
        "forwarded",
        "forwarded",
        "replayed",
      ]);
    } finally {
      await front.close();
      await upstream.close();
    }
  });
});

describe("the stand-in's HTTP endpoint", () => {
  it("answers a gzip bomb and an oversized body with 413, and a bad gzip body with 400, then keeps serving", async () => {
    const standIn = createStandIn();
    const server = await listen(standIn);
    try {
      const post = (headers: Record<string, string>, body: Buffer | string) =>
        fetch(`${server.url}/v1/entities`, {
          method: "POST",
          headers: { ...json, ...headers },
          body: typeof body === "string" ? body : new Uint8Array(body),
        });
      const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, " "));
      expect((await post({ "content-encoding": "gzip" }, bomb)).status).toBe(413);
      expect((await post({}, `{"name":"${"x".repeat(2 * 1024 * 1024)}"}`)).status).toBe(413);
      expect((await post({ "content-encoding": "gzip" }, "not gzip")).status).toBe(400);
      expect((await post({}, "{oops")).status).toBe(400);
      expect((await post({ "content-type": "text/csv" }, "a,b")).status).toBe(415);
      const ok = await post({}, JSON.stringify({ name: "After", parentId: standIn.globalEntityId, ...place }));
      expect(await ok.json()).toMatchObject({ success: true, name: "After" });
    } finally {
      await server.close();
    }
  });

  it("answers a request Node can parse but no URL can hold, and a Host that is no host, instead of dropping it", async () => {
    const server = await listen(createStandIn());
    const send = (head: string) => statusLine(server.url, head);
    try {
      expect(await send("GET http://[bad/v1/entities HTTP/1.1\r\nHost: x\r\n")).toBe("HTTP/1.1 400 Bad Request");
      expect(await send("GET /v1/entities HTTP/1.1\r\nHost: a b\r\nAuthorization: Bearer t\r\n")).toBe(
        "HTTP/1.1 200 OK",
      );
    } finally {
      await server.close();
    }
  });

  it("takes the host from the Host header alone: a target starting with // is a path, as standIn.fetch reads it", async () => {
    const standIn = createStandIn();
    standIn.seedByName({
      entities: { A: { parent: "Global" }, B: { parent: "Global" } },
      connections: [
        { from: "Global", to: "A" },
        { from: "Global", to: "B" },
      ],
    });
    const server = await listen(standIn);
    const target = "//evil.example/v1/entity-connections?pageSize=1";
    try {
      const served = await rawResponse(server.url, `GET ${target} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n`);
      const inProcess = await standIn.fetch(`http://x${target}`, { headers: { authorization: "Bearer t" } });
      expect(served.split("\r\n")[0]).toBe(`HTTP/1.1 ${inProcess.status} OK`);
      // The next page is on the host the request was sent to, not on one its target named.
      const next = String(JSON.parse(served.slice(served.indexOf("\r\n\r\n") + 4)).nextPage);
      expect(new URL(next).host).toBe("x");
      expect(next).toBe(String((await inProcess.json()).nextPage));
      expect(await statusLine(server.url, "GET http://evil.example/v1/entities HTTP/1.1\r\nHost: x\r\n")).toBe(
        "HTTP/1.1 400 Bad Request",
      );
      // A Host header adds no path: the target's is the path.
      const hostWithPath = "GET /v1/entities HTTP/1.1\r\nHost: x/v1/nothing?z\r\nAuthorization: Bearer t\r\n";
      expect(await statusLine(server.url, hostWithPath)).toBe("HTTP/1.1 200 OK");
    } finally {
      await server.close();
    }
  });

  it("answers a method no fetch Request can carry (TRACE, CONNECT) with 405 instead of dropping it", async () => {
    const server = await listen(createStandIn());
    const send = (head: string) => statusLine(server.url, head);
    try {
      expect(await send("TRACE /v1/entities HTTP/1.1\r\nHost: x\r\n")).toBe("HTTP/1.1 405 Method Not Allowed");
      expect(await send("CONNECT x:443 HTTP/1.1\r\nHost: x:443\r\n")).toBe("HTTP/1.1 405 Method Not Allowed");
      expect(await send("GET /v1/entities HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n")).toBe("HTTP/1.1 200 OK");
    } finally {
      await server.close();
    }
  });

  it("takes a smaller or larger body limit as an option", async () => {
    const standIn = createStandIn({ maxBodyBytes: 64 });
    const body = JSON.stringify({ name: "A name long enough", parentId: standIn.globalEntityId, ...place });
    const response = await standIn.fetch(`${BASE}/v1/entities`, { method: "POST", headers: json, body });
    expect(response.status).toBe(413);
  });

  it("refuses an impossible fault when it is armed, not on the next request", async () => {
    const standIn = createStandIn();
    expect(() => standIn.failNext({ fault: { status: 999 } })).toThrow(TypeError);
    expect(() => standIn.failNext({ fault: { status: 503, retryAfterSeconds: -1 } })).toThrow(TypeError);
    expect(() => standIn.failNext({ fault: "explode" as never })).toThrow(TypeError);
    expect(() => standIn.failNext({ fault: "reset-after", operationId: "nope" as never })).toThrow(TypeError);
    const server = await listen(standIn);
    try {
      const armed = await fetch(`${server.url}/__stand-in/faults`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({ fault: { status: 42 } }),
      });
      expect(armed.status).toBe(400);
      expect((await fetch(`${server.url}/v1/entities`, { headers: json })).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe("a deep hierarchy", () => {
  it("deletes the top of an unprovisioned chain 12,000 deep, with every entity under it", () => {
    const tenant = new Tenant();
    let parentId = tenant.entities.globalId;
    const chain = Array.from({ length: 12_000 }, (_, i) => {
      const entity = { id: `c${i}`, name: `Chain ${i}`, parentId };
      parentId = entity.id;
      return entity;
    });
    tenant.seed({ entities: chain, connections: [{ sourceEntityId: "c11999", targetEntityId: "c0" }] });
    expect(tenant.deleteEntity("c0")).toMatchObject({ ok: true });
    expect(tenant.snapshot()).toMatchObject({
      entities: [expect.objectContaining({ name: "Global" })],
      connections: [],
    });
  });
});

describe("locale and time zone", () => {
  it("takes the ll_CC locales and the runtime's IANA time zones, and refuses others as an invalid value", async () => {
    const standIn = createStandIn();
    const create = (name: string, fields: Record<string, string>) =>
      standIn.fetch(`${BASE}/v1/entities`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({ name, parentId: standIn.globalEntityId, ...place, ...fields }),
      });
    expect(await outcome(await create("A", { locale: "english" }))).toBe(20);
    expect(await outcome(await create("B", { timezone: "Mars/Phobos" }))).toBe(20);
    expect(await outcome(await create("C", { locale: "x".repeat(100_000) }))).toBe(20);
    expect(await outcome(await create("D", { locale: "zh_CN", timezone: "Asia/Harbin" }))).toBe("ok");
    expect(await outcome(await create("E", { locale: "en_GB", timezone: "Europe/London" }))).toBe("ok");
    expect(standIn.state().entities.map((e) => e.name)).toEqual(["Global", "D", "E"]);
  });
});

describe("a base URL with a path", () => {
  it("reaches every operation through the prefix, as the stand-in's doc promises", async () => {
    const standIn = createStandIn();
    const zuora = clientOf(standIn, "https://proxy.example.com/zuora");
    const created = await zuora.createEntity({ name: "Behind A Proxy", parentId: standIn.globalEntityId, ...place });
    expect(await zuora.getEntity(created.id)).toMatchObject({ name: "Behind A Proxy" });
    expect(standIn.requests().map((r) => [r.operationId, r.status])).toEqual([
      ["createEntity", 200],
      ["getEntity", 200],
    ]);
  });
});

describe("never unbounded: what the stand-in remembers", () => {
  it("keeps the latest 100,000 idempotency keys, forgetting the oldest", () => {
    const store = new IdempotencyStore();
    for (let i = 0; i <= MAX_IDEMPOTENCY_KEYS; i++) store.begin(`k${i}`, "POST", "/v1/entities");
    expect(store.begin(`k${MAX_IDEMPOTENCY_KEYS}`, "POST", "/v1/entities")?.status).toBe(409);
    expect(store.begin("k1", "POST", "/v1/entities")?.status).toBe(409);
    expect(store.begin("k0", "POST", "/v1/entities")).toBeUndefined();
  });
});

/** Sends a raw request head to `url`'s server, as a careless or hostile client would, and resolves to its status line. */
async function statusLine(url: string, head: string): Promise<string> {
  return (await rawResponse(url, head)).split("\r\n")[0] ?? "";
}

/** Sends a raw request head to `url`'s server and resolves to the whole answer, as text. */
function rawResponse(url: string, head: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(`${head}Connection: close\r\n\r\n`));
    let text = "";
    socket.on("data", (chunk) => {
      text += chunk;
    });
    socket.on("close", () => resolve(text));
    socket.on("error", reject);
  });
}
