import { describe, expect, inject, it } from "vitest";
import { readSpec } from "../scripts/codegen/spec.js";
import { requestSample } from "../scripts/verify/samples.js";
import { callInfo, type components, ZuoraServerError, ZuoraTimeoutError } from "../src/index.js";
import { contractClient, frontLog, injectFaults, releaseHeld, uniqueTrackId } from "./support/contractClient.js";

const entitySample = requestSample(readSpec(), "createEntity").body as components["schemas"]["CreateEntityRequest"];

describe("what Prism cannot do, proven end to end through the front layer", () => {
  it("a gzipped create-entity request reaches Prism as valid JSON", async () => {
    const trackId = uniqueTrackId("gzip-request");
    const { client, violations } = contractClient({ compression: { minBytes: 1 } });
    await client.createEntity(entitySample, { trackId });
    const [record] = await frontLog(trackId);
    expect(record?.contentEncoding).toBe("gzip");
    expect(JSON.parse(record?.forwardedBody ?? "")).toEqual(entitySample);
    expect(record?.prismStatus).toBe(200);
    expect(violations).toEqual([]);
  });

  it("a large response arrives gzipped and decodes", async () => {
    const trackId = uniqueTrackId("gzip-response");
    const { client, violations } = contractClient();
    const { data } = await client.POST("/oauth/token", {
      body: { client_id: "id", client_secret: "secret", grant_type: "client_credentials" },
      bodySerializer: (body) => new URLSearchParams(body as Record<string, string>).toString(),
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Prefer: "example=manyEntities",
        "Zuora-Track-Id": trackId,
      },
    });
    const [record] = await frontLog(trackId);
    expect(record?.gzipped).toBe(true);
    expect(data?.scope?.match(/\bentity\./g)).toHaveLength(24);
    expect(violations).toEqual([]);
  });

  it("the track id round-trips", async () => {
    const trackId = uniqueTrackId("round-trip");
    const { client } = contractClient({ trackId });
    const { response } = await client.POST("/v1/entities", { body: entitySample });
    expect(response.headers.get("zuora-track-id")).toBe(trackId);
    expect(callInfo(response)?.trackId).toBe(trackId);
  });

  it("N faults then success create exactly one entity, with the same key on every attempt", async () => {
    const trackId = uniqueTrackId("faults-then-success");
    await injectFaults(trackId, [
      { status: 429, retryAfterSeconds: 1 },
      { status: 503 },
      "reset-before",
      "reset-after",
      "truncated-gzip",
    ]);
    const { client, violations, delays } = contractClient({ maxRetries: 5 });
    const entity = await client.createEntity(entitySample, { trackId });
    expect(entity.success).toBe(true);

    const log = await frontLog(trackId);
    expect(log.map((r) => r.fault ?? "none")).toEqual([
      "status",
      "status",
      "reset-before",
      "reset-after",
      "truncated-gzip",
      "none",
    ]);
    const keys = new Set(log.map((r) => r.idempotencyKey));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);
    // Exactly one request reached Prism and created the entity; the later attempts were replays.
    expect(log.filter((r) => r.prismStatus === 200)).toHaveLength(1);
    expect(log.slice(4).map((r) => r.idempotency)).toEqual(["replayed", "replayed"]);
    expect(delays[0]).toBe(1000); // Retry-After: 1
    // The only off-contract answer is the one the fault cut in half; the client retried it.
    expect(violations).toEqual(["POST /v1/entities → 200: body is not JSON"]);
  });

  it("exhausted retries end in a clear typed error with the attempt count", async () => {
    const trackId = uniqueTrackId("exhausted");
    await injectFaults(
      trackId,
      Array.from({ length: 5 }, () => ({ status: 503 })),
    );
    const { client } = contractClient({ maxRetries: 2 });
    const error = await client.createEntity(entitySample, { trackId }).catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraServerError);
    expect(error).toMatchObject({ status: 503, attempts: 3, trackId });
    // The message names the origin called, so a wrong baseUrl shows at a glance.
    expect(error.message).toContain(
      `POST ${inject("frontUrl")}/v1/entities failed with HTTP 503 after 3 attempts: SystemError injected 503`,
    );
    expect(await frontLog(trackId)).toHaveLength(3);
  });

  it("a timeout ends in a timeout error, not a hang", async () => {
    const trackId = uniqueTrackId("timeout");
    // Held requests never answer until released: the outcome does not depend on how fast the machine is.
    await injectFaults(trackId, ["hold", "hold"]);
    const { client } = contractClient({ maxRetries: 1, timeoutMs: 250 });
    const error = await client.createEntity(entitySample, { trackId }).catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraTimeoutError);
    expect(error.attempts).toBe(2);
    await releaseHeld(trackId);
  });

  it("a timed-out attempt that arrives late, after a prompt retry, creates one entity", async () => {
    const trackId = uniqueTrackId("timeout-then-success");
    await injectFaults(trackId, ["hold"]);
    // The limit only has to end the held attempt; the retry, answered in milliseconds, stays far inside it even on a
    // loaded machine (a retry that timed out too would change the log below).
    const { client, violations } = contractClient({ maxRetries: 2, timeoutMs: 5000 });
    await expect(client.createEntity(entitySample, { trackId })).resolves.toMatchObject({ success: true });
    // The first attempt now reaches the server, late, after the client gave up on it and the retry succeeded.
    await releaseHeld(trackId);
    const log = await frontLog(trackId);
    // Logged in arrival order: the retry reached Prism; the late first attempt got the saved answer, not a second entity.
    expect(log.map((r) => `${r.fault ?? "-"} ${r.idempotency ?? "-"} ${r.prismStatus ?? "-"}`)).toEqual([
      "hold replayed -",
      "- - 200",
    ]);
    expect(new Set(log.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(violations).toEqual([]);
  });
});
