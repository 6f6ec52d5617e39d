import { describe, expect, it } from "vitest";
import { callInfo, ZuoraValidationError } from "../../src/index.js";
import { entityBody, testClient } from "../support/fixtures.js";
import { defaultHandler, useLoopbackServer } from "../support/loopbackServer.js";

// Echo Zuora-Track-Id as Zuora does.
const server = useLoopbackServer(async (request, n) => {
  const answer = await defaultHandler(request, n);
  const trackId = request.headers["zuora-track-id"];
  if (typeof answer === "object" && typeof trackId === "string") {
    answer.headers = { ...answer.headers, "zuora-track-id": trackId };
  }
  return answer;
});

const sentTrackIds = () => server.to("/v1/entities").map((r) => r.headers["zuora-track-id"]);

describe("Zuora-Track-Id", () => {
  it("sends the client's default track id", async () => {
    await testClient(server.url, { trackId: "nightly-sync" }).createEntity(entityBody);
    expect(sentTrackIds()).toEqual(["nightly-sync"]);
  });

  it("lets a call's track id win over the default", async () => {
    const zuora = testClient(server.url, { trackId: "nightly-sync" });
    await zuora.createEntity(entityBody, { trackId: "call-7" });
    await zuora.POST("/v1/entities", { body: entityBody, headers: { "Zuora-Track-Id": "call-8" } });
    expect(sentTrackIds()).toEqual(["call-7", "call-8"]);
  });

  it("sends none when neither the client nor the call sets one", async () => {
    await testClient(server.url).createEntity(entityBody);
    expect(sentTrackIds()).toEqual([undefined]);
  });

  it("makes the echoed value readable from the result", async () => {
    const zuora = testClient(server.url, { trackId: "nightly-sync" });
    const { response } = await zuora.POST("/v1/entities", { body: entityBody });
    expect(response.headers.get("zuora-track-id")).toBe("nightly-sync");
    expect(callInfo(response)?.trackId).toBe("nightly-sync");
  });

  it.each([
    ["65 characters", "t".repeat(65), "maxLength"],
    ["a colon", "a:b", "pattern"],
    ["a semicolon", "a;b", "pattern"],
    ["a double quote", 'a"b', "pattern"],
    ["a quote", "a'b", "pattern"],
    ["a non-ASCII character", "café", "pattern"],
  ])("rejects a track id with %s before sending", async (_, trackId, rule) => {
    const error = await testClient(server.url)
      .createEntity(entityBody, { trackId })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraValidationError);
    expect(error).toMatchObject({ field: "header Zuora-Track-Id", rule });
    expect(server.requests).toHaveLength(0);
  });

  it("accepts a track id of exactly 64 characters", async () => {
    await testClient(server.url).createEntity(entityBody, { trackId: "t".repeat(64) });
    expect(sentTrackIds()).toEqual(["t".repeat(64)]);
  });

  it("says the track id rule in words, with the character and its position", async () => {
    const error = await testClient(server.url)
      .createEntity(entityBody, { trackId: "order:7" })
      .catch((e) => e);
    expect(error.problem).toBe(
      "must be printable US-ASCII characters (space to ~) other than colon, semicolon, double quote and quote: " +
        '":" at position 6 is not allowed',
    );
  });

  it("refuses an invalid default when the client is created, naming the option", () => {
    const error = (() => {
      try {
        testClient(server.url, { trackId: "a;b" });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ZuoraValidationError);
    expect(error).toMatchObject({ operationId: "createZuoraClient", field: "options.trackId", rule: "pattern" });
    expect((error as Error).message).toMatch(/^createZuoraClient: options\.trackId must be printable US-ASCII/);
    expect((error as Error).message).not.toContain("(client options)");
  });
});

describe("Zuora-Track-Id as sent", () => {
  it("judges the value fetch sends, a client default as a per-call value: blanks around it are stripped first", async () => {
    // 64 characters and blanks around them: fetch trims a header value, so it is a valid track id either way.
    await testClient(server.url).createEntity(entityBody, { trackId: ` ${"t".repeat(64)}\t` });
    await testClient(server.url, { trackId: `${"t".repeat(64)} ` }).createEntity(entityBody);
    expect(sentTrackIds()).toEqual(["t".repeat(64), "t".repeat(64)]);
  });
});
