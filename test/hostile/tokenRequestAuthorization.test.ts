import { describe, expect, it } from "vitest";
import type { Logger } from "../../src/index.js";
import { ZuoraConnectionError } from "../../src/index.js";
import { testClient } from "../support/fixtures.js";
import { errorTexts, rejection } from "./support.js";

// OAuth lets a client authenticate to the token endpoint with HTTP Basic (client_secret_basic). A caller's
// Authorization header on the token request is hidden like one on any other call, though no bearer token is added.

const credential = btoa("other-user:basic-secret-value");

describe("a caller's Authorization header on the token request", () => {
  it("is hidden in the error and the log lines when the fetch's failure quotes it", async () => {
    const lines: string[] = [];
    const write = (line: string) => void lines.push(line);
    const logger: Logger = { debug: write, info: write, warn: write, error: write };
    // A proxying fetch whose error repeats the request's headers.
    const fetch = async (_: string, init: RequestInit) => {
      throw new Error(`proxy refused: Authorization ${new Headers(init.headers).get("authorization")}`);
    };
    const zuora = testClient("https://rest.test.zuora.com", { fetch, logger, logLevel: "debug", maxRetries: 1 });
    const error = await rejection(
      zuora.POST("/oauth/token", {
        body: { client_id: "other-user", client_secret: "basic-secret-value", grant_type: "client_credentials" },
        headers: { Authorization: `Basic ${credential}` },
      }),
    );
    expect(error).toBeInstanceOf(ZuoraConnectionError);
    // The failure reached the message and the log: its words are there, the credential is not.
    expect(error.message).toContain("proxy refused: Authorization");
    expect(lines.join("\n")).toContain("proxy refused: Authorization");
    for (const text of [...errorTexts(error), ...lines]) expect(text).not.toContain(credential);
  });
});
