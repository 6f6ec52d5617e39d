import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createZuoraClient,
  type ZuoraAuth,
  type ZuoraClientOptions,
  ZuoraConfigurationError,
  ZuoraError,
} from "../../src/index.js";
import { entityBody, recordingSleep } from "../support/fixtures.js";
import { defaultHandler, type LoopbackServer, startLoopbackServer } from "../support/loopbackServer.js";

// Secrets with the characters a header may carry and text cuts at: a comma, a semicolon, quotes, an equals sign, a
// slash and a plus (whose URL, form, JSON and base64 shapes all differ from the literal). Between them, pieces no
// ordinary text holds, so that a piece shown after a cut is seen.
const token = `tk9q,zqx7;vvj4'kwp3"mm=/+r8`;
const clientSecret = `cs5q,wzr8;ttx2'ppy6"=/+h`;
const clientId = "client-id";
const password = `pw3k,qqz9;xxv1'"=/+`;

let server: LoopbackServer;
beforeEach(async () => {
  server = await startLoopbackServer();
});
afterEach(() => server.close());

const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
const base64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");

/** Every shape of `secret` a careless server could echo. */
function shapesOf(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
    base64(secret).replace(/=+$/, ""),
    base64url(secret),
  ];
}

/** Whether some base64 run in `text` decodes to something that holds `secret`. */
function decodesTo(text: string, secret: string): boolean {
  for (const run of text.match(/[A-Za-z0-9+/_-]{6,}={0,2}/g) ?? []) {
    for (const encoding of ["base64", "base64url"] as const) {
      if (Buffer.from(run, encoding).toString("utf8").includes(secret)) return true;
    }
  }
  return false;
}

/** Everything a caller could print of an error: message, JSON, inspect (stack and cause chain), the cause. */
function errorTexts(error: unknown): string[] {
  const e = error as { message?: string; cause?: unknown };
  return [String(error), e.message ?? "", JSON.stringify(error), inspect(error, { depth: 8 }), inspect(e.cause)];
}

/** A client that logs every line (debug) into `lines`. */
function loggingClient(auth: ZuoraAuth, lines: string[], more: Partial<ZuoraClientOptions> = {}) {
  const keep = (line: string) => void lines.push(line);
  return createZuoraClient({
    baseUrl: server.url,
    auth,
    maxRetries: 1,
    logLevel: "debug",
    logger: { debug: keep, info: keep, warn: keep, error: keep },
    retry: { sleep: recordingSleep() },
    ...more,
  });
}

function expectHidden(texts: string[], secret: string): void {
  const pieces = secret.split(/[,;'"]/).filter((piece) => piece.length >= 4);
  for (const text of texts) {
    for (const piece of pieces) expect(text, "no piece of the secret").not.toContain(piece);
    for (const shape of shapesOf(secret)) expect(text, "no shape of the secret").not.toContain(shape);
    expect(decodesTo(text, secret), "no base64 that decodes to the secret").toBe(false);
  }
}

describe("redaction of a secret that holds , ; ' \" =", () => {
  it.each<[string, ZuoraAuth]>([
    ["a static token", token],
    ["a token function's token", async () => token],
  ])("hides %s whole when a server echoes it as Bearer <token>, in every shape", async (_, auth) => {
    server.handler = (request) => {
      const sent = String(request.headers.authorization);
      const echoed = [sent, ...shapesOf(token)].join(" | ");
      return { status: 500, json: { message: `refused ${echoed}` }, headers: { "zuora-request-id": sent } };
    };
    const lines: string[] = [];
    const error = await loggingClient(auth, lines)
      .createEntity(entityBody)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZuoraError);
    expect(String(error)).toContain("[REDACTED]");
    expectHidden([...errorTexts(error), ...lines], token);
  });

  it("hides a token from the cause chain and the log lines when the transport quotes it", async () => {
    const lines: string[] = [];
    const error = await loggingClient(token, lines, {
      fetch: async (_url, init) => {
        const sent = new Headers(init.headers).get("authorization");
        throw new Error(`proxy refused ${sent} (${base64(String(sent))})`, {
          cause: new Error(`upstream said ${JSON.stringify(token)}`),
        });
      },
    })
      .getEntity("e1")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZuoraError);
    expect(lines.length).toBeGreaterThan(0);
    expectHidden([...errorTexts(error), ...lines], token);
  });

  it("hides an OAuth token and the client secret, base64 of client-id:secret included", async () => {
    server.handler = (request, n) => {
      if (request.path === "/oauth/token") {
        return {
          json: { access_token: token, token_type: "bearer", expires_in: 3599 },
          headers: { "x-echo": base64(`${clientId}:${clientSecret}`) },
        };
      }
      const echoed = [
        String(request.headers.authorization),
        ...shapesOf(token),
        ...shapesOf(clientSecret),
        base64(`${clientId}:${clientSecret}`),
        base64url(`${clientId}:${clientSecret}`),
      ];
      return n === 1 ? { status: 400, json: { message: echoed.join(" ") } } : defaultHandler(request, n);
    };
    const lines: string[] = [];
    const error = await loggingClient({ clientId, clientSecret }, lines)
      .createEntity(entityBody)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZuoraError);
    expectHidden([...errorTexts(error), ...lines], token);
    expectHidden([...errorTexts(error), ...lines], clientSecret);
  });

  it("hides a caller's Basic credential, decoded user:password and password included", async () => {
    const basic = `Basic ${base64(`jane:${password}`)}`;
    server.handler = () => ({
      status: 403,
      json: { message: `no access for jane:${password} (password ${password})` },
    });
    const lines: string[] = [];
    const zuora = loggingClient(token, lines);
    zuora.use({
      onRequest: ({ request }) => {
        request.headers.set("Authorization", basic);
        return request;
      },
    });
    const error = await zuora.getEntity("e1").catch((e: unknown) => e);
    expect(server.requests[0]?.headers.authorization).toBe(basic);
    expect(error).toBeInstanceOf(ZuoraError);
    expectHidden([...errorTexts(error), ...lines], password);
    expectHidden([...errorTexts(error), ...lines], `jane:${password}`);
  });
});

describe("a static token too short to hide", () => {
  it("is refused when the client is made, naming the option and the rule, never the value", () => {
    for (const short of ["q", "zq9", "qx7-z9w"]) {
      const make = () => createZuoraClient({ baseUrl: "https://rest.test.zuora.com", auth: short });
      expect(make).toThrow(ZuoraConfigurationError);
      const error = (() => {
        try {
          make();
        } catch (e) {
          return e as ZuoraConfigurationError;
        }
      })();
      expect(error?.message).toContain("auth");
      expect(error?.message).toContain("at least 8 characters");
      expect(error?.message).not.toContain(short);
    }
    expect(() => createZuoraClient({ baseUrl: "https://rest.test.zuora.com", auth: "tok-8chr" })).not.toThrow();
  });
});
