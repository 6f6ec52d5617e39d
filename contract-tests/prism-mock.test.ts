import { describe, expect, inject, it } from "vitest";
import { readSpec } from "../scripts/codegen/spec.js";
import { requestSample } from "../scripts/verify/samples.js";

const prismUrl = inject("prismUrl");
const spec = readSpec();
const sample = (operationId: string) => requestSample(spec, operationId);

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(new URL(path, prismUrl), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer test-token", ...headers },
    body: JSON.stringify(body),
  });
}

describe("Prism mock booted from openapi/multi-entity.yaml", () => {
  it("loads the spec with no warnings", () => {
    expect(inject("prismStartupProblems")).toEqual([]);
  });

  it("answers createEntity's reference sample with the documented entity", async () => {
    const response = await post("/v1/entities", sample("createEntity").body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: "8a80825556ff28a4015709096c5d6f5d",
      name: "Acme-Asia",
      displayName: "Acme-Asia",
      locale: "zh_CN",
      timezone: "Asia/Harbin",
      status: "Unprovisioned",
      parentId: "8a808255557baba1015580e12fa5083a",
      tenantId: "6398",
      success: true,
    });
  });

  it("answers initiateConnection's reference sample with the documented connection", async () => {
    const response = await post("/v1/entity-connections", sample("initiateConnection").body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: "8a808255575bdae401576a914a140420", success: true });
  });

  it("sends every documented response header with its example, and no Content-Encoding", async () => {
    const response = await post("/v1/entities", sample("createEntity").body);
    await response.body?.cancel();
    expect(response.headers.get("zuora-request-id")).toHaveLength(36);
    expect(response.headers.get("ratelimit-remaining")).toBe("399");
    expect(response.headers.get("concurrency-limit-type")).toBe("Default");
    expect(response.headers.get("content-encoding")).toBeNull();
  });

  it("answers a request without a bearer token with 401 and WWW-Authenticate", async () => {
    const response = await fetch(new URL("/v1/entity-connections", prismUrl), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(sample("initiateConnection").body),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain("Bearer");
    expect(await response.json()).toEqual({ message: "Authentication error" });
  });

  it("issues a token for the client-credentials grant without a bearer token", async () => {
    const response = await fetch(new URL("/oauth/token", prismUrl), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(sample("createToken").body as Record<string, string>),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ token_type: "bearer", expires_in: 3599 });
  });

  it("names each violated constraint in sl-violations", async () => {
    const response = await post(
      "/v1/entities",
      { name: "Acme_Asia", parentId: "p", timezone: "UTC" },
      { "zuora-track-id": "a;b" },
    );
    await response.body?.cancel();
    expect(response.status).toBe(422);
    const violations = JSON.parse(response.headers.get("sl-violations") ?? "[]") as { location: string[] }[];
    expect(violations.map((v) => v.location.join("."))).toEqual(
      expect.arrayContaining(["request.body", "request.body.name", "request.header.zuora-track-id"]),
    );
  });
});
