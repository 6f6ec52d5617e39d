import { describe, expect, it } from "vitest";
import type { Logger } from "../../src/index.js";
import { testClient, validationRejection } from "../support/fixtures.js";
import { startLoopbackServer, useLoopbackServer } from "../support/loopbackServer.js";
import { errorTexts } from "./support.js";

// zuora.GET's per-call baseUrl follows the client's baseUrl rules: refused before sending, naming init.baseUrl.

const ID = "8a80825556ff28a4015709096c5d6f5d";
const server = useLoopbackServer(() => ({ json: { id: ID, success: true } }));

describe("a per-call baseUrl", () => {
  it.each<[string, unknown, string]>([
    ["empty", "", "absolute URL"],
    ["not a URL", "rest.test.zuora.com", "absolute URL"],
    ["not http(s)", "ftp://rest.test.zuora.com", "http(s)"],
    ["with a query", "https://rest.test.zuora.com/?tenant=1", "query"],
    ["ending in /v1", "https://rest.test.zuora.com/v1", "/v1"],
    ["not a string", new URL("https://rest.test.zuora.com"), "string"],
  ])("%s is refused with a ZuoraValidationError and nothing is sent", async (_, baseUrl, says) => {
    const zuora = testClient(server.url);
    const error = await validationRejection(
      server,
      zuora.GET("/v1/entities/{id}", { params: { path: { id: ID } }, baseUrl: baseUrl as string }),
    );
    expect(error.field).toBe("init.baseUrl");
    expect(error.message).toContain(says);
  });

  it("with credentials is refused without repeating them, in the error or the log", async () => {
    const lines: string[] = [];
    const write = (line: string) => void lines.push(line);
    const logger: Logger = { debug: write, info: write, warn: write, error: write };
    const zuora = testClient(server.url, { logger, logLevel: "debug" });
    const baseUrl = server.url.replace("//", "//api-user:url-password-1@");
    const error = await validationRejection(
      server,
      zuora.GET("/v1/entities/{id}", { params: { path: { id: ID } }, baseUrl }),
    );
    expect(error.message).toContain("credentials");
    for (const text of [...errorTexts(error), ...lines]) expect(text).not.toContain("url-password-1");
  });

  it("that is valid is where the call goes", async () => {
    const other = await startLoopbackServer(() => ({ json: { id: ID, success: true } }));
    try {
      const zuora = testClient(server.url);
      const { data } = await zuora.GET("/v1/entities/{id}", { params: { path: { id: ID } }, baseUrl: `${other.url}/` });
      expect(data).toEqual({ id: ID, success: true });
      expect([server.requests.length, other.requests.length]).toEqual([0, 1]);
    } finally {
      await other.close();
    }
  });
});
