import { describe, expect, it } from "vitest";
import type { Logger } from "../../src/index.js";
import { ZuoraAuthenticationError } from "../../src/index.js";
import { testClient } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";
import { errorTexts, rejection } from "./support.js";

// The createToken helper sends a client secret the client was never configured with (a static-token client minting
// a token for another API user): the spec marks client_secret as a password, so the call hides it like a token.

const secret = "minted/Secret+Of=Another-User";
// A token endpoint that echoes the form body it received, in its error and in a failing attempt's answer.
const server = useLoopbackServer((request, n) =>
  n === 1
    ? { status: 503, json: { message: `busy with ${request.text}` } }
    : { status: 401, json: { error: "invalid_client", error_description: `refused ${request.text}` } },
);

describe("a client secret sent with the createToken helper", () => {
  it("never appears in the error or the log of that call, in any shape", async () => {
    const lines: string[] = [];
    const write = (line: string) => void lines.push(line);
    const logger: Logger = { debug: write, info: write, warn: write, error: write };
    const zuora = testClient(server.url, { logger, logLevel: "debug" });
    const error = await rejection(
      zuora.createToken({ client_id: "other-user", client_secret: secret, grant_type: "client_credentials" }),
    );
    expect(error).toBeInstanceOf(ZuoraAuthenticationError);
    expect(server.requests).toHaveLength(2);
    // The echo reached the client: the text is there, its secret is not.
    expect(error.message).toContain("client_id=other-user");
    const shapes = [secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)];
    for (const text of [...errorTexts(error), ...lines]) for (const shape of shapes) expect(text).not.toContain(shape);
  });
});
