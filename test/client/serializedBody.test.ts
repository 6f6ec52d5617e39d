import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import type { paths } from "../../generated/schema.js";
import { bodyBytes, SERIALIZED_BODY } from "../../src/pipeline/serializedBody.js";
import { entityBody } from "../support/fixtures.js";

describe("handing the serialized body to the pipeline", () => {
  it("relies on openapi-fetch copying an unknown init key onto its Request", async () => {
    let seen: unknown;
    const client = createClient<paths>({
      baseUrl: "http://127.0.0.1:9",
      fetch: async (input: Request) => {
        seen = (input as unknown as Record<string, unknown>)[SERIALIZED_BODY];
        return new Response('{"id":"x","name":"n","status":"Provisioned","success":true}', {
          headers: { "content-type": "application/json" },
        });
      },
    });
    await client.POST("/v1/entities", { body: entityBody, [SERIALIZED_BODY]: "the-json" } as never);
    expect(seen).toBe("the-json");
  });

  it("encodes the handed-over JSON without reading the Request's body stream", async () => {
    const request = new Request("http://127.0.0.1/", { method: "POST", body: "stream body" });
    (request as unknown as Record<string, unknown>)[SERIALIZED_BODY] = '{"a":"é"}';
    const bytes = await bodyBytes(request);
    expect(new TextDecoder().decode(bytes ?? new Uint8Array())).toBe('{"a":"é"}');
    expect(request.bodyUsed).toBe(false);
  });

  it("reads the Request's body when nothing was handed over", async () => {
    const request = new Request("http://127.0.0.1/", { method: "POST", body: "stream body" });
    expect(new TextDecoder().decode((await bodyBytes(request)) ?? new Uint8Array())).toBe("stream body");
    expect(await bodyBytes(new Request("http://127.0.0.1/"))).toBeNull();
  });
});
