import { describe, expect, it } from "vitest";
import { ZuoraApiError, ZuoraValidationError } from "../../src/index.js";
import { MAX_EMPTY_PAGES } from "../../src/surfaces/pager.js";
import { testClient } from "../support/fixtures.js";
import { type Answer, type ReceivedRequest, useLoopbackServer } from "../support/loopbackServer.js";
import { rejection } from "../support/settle.js";

const connection = (n: number) => ({ id: `c${n}`, sourceEntityId: "s", targetEntityId: "t", status: "Connected" });

/** Five connections in pages of `pageSize`; `nextPage` on every page but the last, as Zuora sends it. */
function pages(request: ReceivedRequest): Answer {
  const query = new URL(request.target, "http://x").searchParams;
  const page = Number(query.get("page"));
  const size = Number(query.get("pageSize") ?? 30);
  const all = [1, 2, 3, 4, 5].map(connection);
  const entityConnections = all.slice((page - 1) * size, page * size);
  const more = page * size < all.length;
  return {
    json: {
      entityConnections,
      ...(more ? { nextPage: `https://rest.zuora.com/v1/entity-connections?page=${page + 1}&pageSize=${size}` } : {}),
      success: true,
    },
  };
}

const server = useLoopbackServer(pages);

const ids = async (iterable: AsyncIterable<{ id: string }>) => {
  const seen: string[] = [];
  for await (const item of iterable) seen.push(item.id);
  return seen;
};

describe("allConnections", () => {
  it("yields every connection of every page, asking page after page until the last", async () => {
    const zuora = testClient(server.url);
    expect(await ids(zuora.allConnections({ type: "outbound", pageSize: 2 }))).toEqual(["c1", "c2", "c3", "c4", "c5"]);
    expect(server.requests.map((r) => r.target)).toEqual([
      "/v1/entity-connections?type=outbound&pageSize=2&page=1",
      "/v1/entity-connections?type=outbound&pageSize=2&page=2",
      "/v1/entity-connections?type=outbound&pageSize=2&page=3",
    ]);
  });

  it("asks once when the first page is the last", async () => {
    expect(await ids(testClient(server.url).allConnections())).toHaveLength(5);
    expect(server.requests).toHaveLength(1);
  });

  it("sends the same headers on every page", async () => {
    const zuora = testClient(server.url, { entityIds: "entity-global" });
    await ids(zuora.allConnections({ pageSize: 2 }, { trackId: "walk-1", entityIds: "entity-asia" }));
    const headers = server.requests.map((r) => ({
      authorization: r.headers.authorization,
      track: r.headers["zuora-track-id"],
      entity: r.headers["zuora-entity-ids"],
    }));
    expect(headers).toHaveLength(3);
    for (const sent of headers) {
      expect(sent).toEqual({ authorization: "Bearer static-token-abc", track: "walk-1", entity: "entity-asia" });
    }
  });

  it("asks for no more pages once the caller breaks out", async () => {
    for await (const item of testClient(server.url).allConnections({ pageSize: 2 })) {
      if (item.id === "c2") break;
    }
    expect(server.requests).toHaveLength(1);
  });

  it("stops at once with the caller's abort and asks for no more pages", async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const walk = async () => {
      for await (const item of testClient(server.url).allConnections({ pageSize: 2 }, { signal: controller.signal })) {
        seen.push(item.id);
        if (item.id === "c3") controller.abort(new Error("caller gave up"));
      }
    };
    await expect(walk()).rejects.toThrow("caller gave up");
    expect(seen).toEqual(["c1", "c2", "c3"]);
    expect(server.requests).toHaveLength(2);
  });

  it("walks past an empty page that still announces a next one", async () => {
    server.handler = (request) => {
      const page = Number(new URL(request.target, "http://x").searchParams.get("page"));
      if (page === 1)
        return { json: { entityConnections: [], nextPage: "https://rest.zuora.com/next", success: true } };
      return { json: { entityConnections: [connection(7)], success: true } };
    };
    expect(await ids(testClient(server.url).allConnections())).toEqual(["c7"]);
    expect(server.requests).toHaveLength(2);
  });

  it("stops with a ZuoraApiError when empty pages keep announcing a next one", async () => {
    server.handler = () => ({
      json: { entityConnections: [], nextPage: "https://rest.zuora.com/next", success: true },
    });
    const error = await ids(testClient(server.url).allConnections()).catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error.message).toContain(`empty, ${MAX_EMPTY_PAGES} empty pages in a row`);
    expect(server.requests).toHaveLength(MAX_EMPTY_PAGES);
  });

  it("rejects a page whose entityConnections is not a list", async () => {
    server.handler = () => ({ json: { entityConnections: { id: "c1" }, success: true } });
    const error = await ids(testClient(server.url).allConnections()).catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error.message).toContain("answered page 1 with entityConnections that is not a list");
  });

  it("detects a cycle of any length: pages A, B, A end the walk after B", async () => {
    server.handler = (request) => {
      const page = Number(new URL(request.target, "http://x").searchParams.get("page"));
      const items = page % 2 === 1 ? [connection(1), connection(2)] : [connection(3)];
      return { json: { entityConnections: items, nextPage: "https://rest.zuora.com/next", success: true } };
    };
    const seen: string[] = [];
    const error = await (async () => {
      for await (const item of testClient(server.url).allConnections()) seen.push(item.id);
    })().catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error.message).toContain("answered page 3 with the items of an earlier page");
    expect(seen).toEqual(["c1", "c2", "c3"]);
  });

  it("validates its query values before the first page", async () => {
    const error = await ids(testClient(server.url).allConnections({ pageSize: 301 })).catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraValidationError);
    expect(error).toMatchObject({ operationId: "listConnections", field: "query.pageSize", rule: "maximum" });
    expect(server.requests).toHaveLength(0);
  });
});

// A server that ignores the page number answers every page alike, nextPage included: the walk must end.
describe("a list whose every page is the same page, with a nextPage", () => {
  it("ends allConnections with a ZuoraApiError at the first repeated page, rather than walking forever", async () => {
    server.handler = () => ({
      json: { success: true, entityConnections: [{ id: "conn-1" }], nextPage: "/v1/entity-connections?page=2" },
    });
    const seen: unknown[] = [];
    const walk = async () => {
      // A guard for the test alone: without the rule, the walk would go on for as long as the server answers.
      for await (const connection of testClient(server.url).allConnections()) if (seen.push(connection) > 50) break;
    };
    const error = await rejection(walk());
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error.message).toContain(`GET ${server.url}/v1/entity-connections answered page 2`);
    expect(seen).toHaveLength(1);
    expect(server.to("/v1/entity-connections")).toHaveLength(2);
  });
});
