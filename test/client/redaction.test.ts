import { type AddressInfo, createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { SecretRedactor } from "../../src/errors/redact.js";
import {
  createZuoraClient,
  ZuoraApiError,
  type ZuoraAuth,
  ZuoraAuthenticationError,
  ZuoraBusinessError,
  type ZuoraClientOptions,
  ZuoraConfigurationError,
  ZuoraConnectionError,
  ZuoraError,
} from "../../src/index.js";
import { errorTexts } from "../support/errorTexts.js";
import { entityBody, recordingLogger, recordingSleep, testClient } from "../support/fixtures.js";
import { defaultHandler, useLoopbackServer } from "../support/loopbackServer.js";
import { rejection } from "../support/settle.js";

// Secrets with the characters a header may carry and text cuts at: a comma, a semicolon, quotes, an equals sign, a
// slash and a plus (whose URL, form, JSON and base64 shapes all differ from the literal). Between them, pieces no
// ordinary text holds, so that a piece shown after a cut is seen.
const token = `tk9q,zqx7;vvj4'kwp3"mm=/+r8`;
const clientSecret = `cs5q,wzr8;ttx2'ppy6"=/+h`;
const clientId = "client-id";
const password = `pw3k,qqz9;xxv1'"=/+`;
/** Secrets of plainer shapes: one with the characters URL and form encoding change, one a server echoes. */
const base64Secret = "s3cr3t/Key+With=Base64";
const echoedSecret = "client-secret-echoed-42";

const server = useLoopbackServer();

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

/**
 * Checks that no piece, shape or base64 of `secret` is in what a caller could print of `error`, nor in the log
 * `lines`, which must hold something: a log that wrote nothing would hide everything.
 */
function expectHidden(error: unknown, lines: string[], secret: string): void {
  expect(lines, "the call was logged").not.toHaveLength(0);
  const pieces = secret.split(/[,;'"]/).filter((piece) => piece.length >= 4);
  for (const text of [...errorTexts(error), ...lines]) {
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
    expectHidden(error, lines, token);
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
    expectHidden(error, lines, token);
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
    expectHidden(error, lines, token);
    expectHidden(error, lines, clientSecret);
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
    expectHidden(error, lines, password);
    expectHidden(error, lines, `jane:${password}`);
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

describe("a secret Zuora echoes", () => {
  const token = "tok-5ecret-do-not-leak";
  const clientSecret = "client-5ecret-do-not-leak";

  it("never shows the bearer token, even when Zuora echoes it", async () => {
    server.handler = () => ({ status: 401, json: { message: `Token ${token} is invalid (Bearer ${token})` } });
    const error = await createZuoraClient({ baseUrl: server.url, auth: token })
      .createEntity(entityBody)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraAuthenticationError);
    for (const text of [String(error), error.message, JSON.stringify(error), error.stack ?? ""]) {
      expect(text).not.toContain(token);
    }
    expect(error.message).toContain("[REDACTED]");
  });

  it("never shows a fetched OAuth token or the client secret", async () => {
    server.handler = (request) =>
      request.path === "/oauth/token"
        ? { json: { access_token: token, token_type: "bearer", expires_in: 3599 } }
        : { json: { success: false, reasons: [{ code: 50000020, message: `bad ${token} / ${clientSecret}` }] } };
    const error = await createZuoraClient({
      baseUrl: server.url,
      auth: { clientId: "id", clientSecret },
      retry: { sleep: recordingSleep() },
    })
      .createEntity(entityBody)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraBusinessError);
    for (const text of [String(error), error.message, JSON.stringify(error)]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(clientSecret);
    }
  });

  it("never shows the client secret when the token request fails", async () => {
    server.handler = () => ({
      status: 400,
      json: { error: "invalid_client", error_description: `secret ${clientSecret}` },
    });
    const error = await createZuoraClient({ baseUrl: server.url, auth: { clientId: "id", clientSecret } })
      .createEntity(entityBody)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraAuthenticationError);
    for (const text of [String(error), error.message, JSON.stringify(error)]) expect(text).not.toContain(clientSecret);
  });
});

// A hostile server (or a debugging proxy) that echoes what it received into the response headers the client copies
// onto its errors: the fields must be as free of secrets as the message.
describe("a server echoing credentials into Zuora-Request-Id and Zuora-Track-Id", () => {
  it("keeps the bearer token out of the error's requestId and trackId", async () => {
    server.handler = (request) => {
      const echoed = String(request.headers.authorization);
      return { status: 400, json: {}, headers: { "zuora-request-id": echoed, "zuora-track-id": echoed } };
    };
    const error = await rejection(testClient(server.url).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error.requestId).toContain("[REDACTED]");
    for (const text of errorTexts(error)) expect(text).not.toContain("static-token-abc");
  });

  it("keeps the client secret out of a refused token request's requestId", async () => {
    server.handler = (request, n) =>
      request.path === "/oauth/token"
        ? { json: { token_type: "bearer" }, headers: { "zuora-request-id": request.text } }
        : defaultHandler(request, n);
    const client = createZuoraClient({
      baseUrl: server.url,
      auth: { clientId: "id", clientSecret: echoedSecret },
      retry: { sleep: recordingSleep() },
    });
    const error = await rejection(client.createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraAuthenticationError);
    expect(error.requestId).toContain("[REDACTED]");
    for (const text of errorTexts(error)) expect(text).not.toContain(echoedSecret);
  });
});

describe("a server echoing the bearer token into an answer the HTTP parser rejects", () => {
  it("keeps the token out of util.inspect of the error's cause chain", async () => {
    // Raw TCP: a well-formed HTTP server could not send this status line.
    const raw = createServer((socket) => {
      let received = "";
      socket.on("error", () => {});
      socket.on("data", (chunk) => {
        received += chunk;
        const echoed = /authorization: (.*)\r\n/i.exec(received)?.[1];
        if (received.includes("\r\n\r\n") && echoed) socket.end(`HTTP/1.1 2x0 ${echoed}\r\n\r\n`);
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = raw.address() as AddressInfo;
      const error = await rejection(testClient(`http://127.0.0.1:${port}`, { maxRetries: 0 }).createEntity(entityBody));
      expect(error).toBeInstanceOf(ZuoraConnectionError);
      for (const text of errorTexts(error)) expect(text).not.toContain("static-token-abc");
    } finally {
      await new Promise<void>((resolve) => raw.close(() => resolve()));
    }
  });
});

describe("a custom fetch whose error quotes the Authorization header", () => {
  it("keeps the token out of util.inspect of the error's cause", async () => {
    const fetch = async (_url: string, init?: RequestInit): Promise<Response> => {
      throw new Error(`proxy refused ${new Headers(init?.headers).get("authorization")}`);
    };
    const error = await rejection(testClient(server.url, { fetch, maxRetries: 0 }).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraApiError);
    for (const text of errorTexts(error)) expect(text).not.toContain("static-token-abc");
  });
});

describe("a token issued with blanks around it, echoed as it arrived", () => {
  // fetch trims a header value, so the server sees (and echoes) the token without the blanks it was issued with.
  it.each<[string, () => ZuoraAuth]>([
    ["the token endpoint", () => ({ clientId: "id", clientSecret: echoedSecret })],
    ["a token function", () => () => " token-with-blanks-7 "],
  ])("hides a token from %s in the error's message", async (_, auth) => {
    server.handler = (request) =>
      request.path === "/oauth/token"
        ? { json: { access_token: " token-with-blanks-7 ", token_type: "bearer", expires_in: 3599 } }
        : { status: 403, text: `denied for ${String(request.headers.authorization).replace(/^Bearer\s+/, "")}` };
    const client = createZuoraClient({ baseUrl: server.url, auth: auth(), retry: { sleep: recordingSleep() } });
    const error = await rejection(client.createEntity(entityBody));
    expect(error.status).toBe(403);
    expect(error.message).toContain("denied for [REDACTED]");
    for (const text of errorTexts(error)) expect(text).not.toContain("token-with-blanks-7");
  });
});

describe("a client secret or token in another shape", () => {
  it("hides the client secret of a token endpoint that echoes the form body", async () => {
    server.handler = (request) => ({ status: 400, json: { error: "invalid_client", error_description: request.text } });
    const error = await rejection(
      createZuoraClient({ baseUrl: server.url, auth: { clientId: "id", clientSecret: base64Secret } }).createEntity(
        entityBody,
      ),
    );
    expect(error).toBeInstanceOf(ZuoraAuthenticationError);
    const formEncoded = new URLSearchParams({ s: base64Secret }).toString().slice("s=".length);
    for (const text of errorTexts(error)) {
      for (const shape of [base64Secret, encodeURIComponent(base64Secret), formEncoded]) {
        expect(text).not.toContain(shape);
      }
    }
  });

  // Every encoder escapes a little differently: JSON writers (Python's ASCII \u00e9, PHP's \/, Go's \u003c), percent
  // encoders (lower-case hex, or RFC 3986's strict set that also escapes ' ! * ( ) ~), and a header echoed raw, its
  // UTF-8 bytes read back as Latin-1. The secret must be hidden in each.
  const unicodeSecret = "Xq7Wé/ü<ñ>&'!*(~) Zk4v";
  const hexOf = (code: number, width: number) => code.toString(16).padStart(width, "0");
  const echoes: [string, (secret: string) => string][] = [
    ["Python's JSON", (s) => JSON.stringify(s).replace(/[^\x20-\x7e]/g, (c) => `\\u${hexOf(c.charCodeAt(0), 4)}`)],
    ["PHP's JSON", (s) => JSON.stringify(s).replaceAll("/", "\\/")],
    ["Go's JSON", (s) => JSON.stringify(s).replace(/[<>&]/g, (c) => `\\u${hexOf(c.charCodeAt(0), 4)}`)],
    ["lower-case percent-encoding", (s) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())],
    [
      "RFC 3986's strict percent-encoding",
      (s) => encodeURIComponent(s).replace(/[!'()*~]/g, (c) => `%${hexOf(c.charCodeAt(0), 2).toUpperCase()}`),
    ],
  ];
  it.each(echoes)("hides a client secret echoed by %s, and in a header's raw bytes", async (_, encode) => {
    server.handler = (request) =>
      request.path === "/oauth/token"
        ? {
            status: 401,
            json: { error: "invalid_client", error_description: `bad secret ${encode(unicodeSecret)}` },
            headers: { "zuora-request-id": Buffer.from(unicodeSecret, "utf8").toString("latin1") },
          }
        : defaultHandler(request, 1);
    const lines: string[] = [];
    const error = await rejection(loggingClient({ clientId, clientSecret: unicodeSecret }, lines).getEntity("e1"));
    expect(error).toBeInstanceOf(ZuoraAuthenticationError);
    expect(error.message).toMatch(/bad secret "?\[REDACTED\]"? \[/);
    expect((error as ZuoraAuthenticationError).requestId).toBe("[REDACTED]");
    for (const text of [...errorTexts(error), ...lines]) {
      expect(text).not.toContain(encode(unicodeSecret).slice(1, -1));
      for (const piece of ["Xq7W", "Zk4v"]) expect(text).not.toContain(piece);
    }
  });

  const token = "tok-with\r\nInjected: header";
  it.each<[string, () => ZuoraAuth]>([
    ["the token endpoint", () => ({ clientId: "id", clientSecret: base64Secret })],
    ["a token function", () => () => token],
  ])("refuses a token with CR/LF from %s without repeating it, and sends nothing with it", async (_, auth) => {
    server.handler = (request, n) =>
      request.path === "/oauth/token"
        ? { json: { access_token: token, token_type: "bearer", expires_in: 3599 } }
        : defaultHandler(request, n);
    const error = await rejection(
      createZuoraClient({ baseUrl: server.url, auth: auth(), retry: { sleep: recordingSleep() } }).createEntity(
        entityBody,
      ),
    );
    expect(error).toBeInstanceOf(ZuoraError);
    for (const text of errorTexts(error)) {
      expect(text).not.toContain("tok-with");
      expect(text).not.toContain(JSON.stringify(token).slice(1, -1));
    }
    expect(server.to("/v1/entities")).toHaveLength(0);
  });

  it("refuses a token option with a NUL when the client is made, without repeating it", () => {
    let thrown: unknown;
    try {
      createZuoraClient({ baseUrl: server.url, auth: "tok-with\0nul" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ZuoraError);
    for (const text of errorTexts(thrown)) expect(text).not.toContain("tok-with");
  });
});

/** A client with a token of its own, and middleware that replaces the request with one carrying `authorization`. */
function clientWhoseMiddlewareSetsAuthorization(authorization: string) {
  const zuora = createZuoraClient({
    baseUrl: server.url,
    auth: "client-token-5678",
    retry: { sleep: recordingSleep() },
  });
  zuora.use({
    onRequest({ request }) {
      const replaced = new Request(request);
      replaced.headers.set("Authorization", authorization);
      return replaced;
    },
  });
  return zuora;
}

describe("an Authorization header the caller set", () => {
  // The server echoes the header back in its error, as a debugging proxy or a careless gateway would.
  const echo = (request: { headers: Record<string, unknown> }) => ({
    status: 400,
    json: { message: `bad request with ${String(request.headers.authorization)}` },
  });

  it.each([
    ["a bearer token", "Bearer caller-token-1234", "caller-token-1234"],
    ["basic credentials", "Basic dXNlcjpwYXNzd29yZDEy", "dXNlcjpwYXNzd29yZDEy"],
  ])("hides %s set in zuora.GET's headers like the client's own token", async (_, authorization, credential) => {
    // A fetch that fails naming what it was given, as some proxies' and agents' errors do.
    const fetch = async (_url: string, init: RequestInit) => {
      throw new Error(`refused request with authorization ${new Headers(init.headers).get("authorization")}`);
    };
    const zuora = createZuoraClient({ baseUrl: server.url, auth: "client-token-5678", fetch, maxRetries: 0 });
    const error = await rejection(zuora.GET("/v1/entities", { headers: { Authorization: authorization } }));
    expect(error).toBeInstanceOf(ZuoraError);
    expect(error.message).toContain("refused request with authorization");
    for (const text of errorTexts(error)) expect(text).not.toContain(credential);
  });

  it("hides a credential that middleware set, in the error of a helper", async () => {
    server.handler = echo;
    const zuora = clientWhoseMiddlewareSetsAuthorization("Bearer middleware-token-999");
    const error = await rejection(zuora.createEntity(entityBody));
    expect(server.requests[0]?.headers.authorization).toBe("Bearer middleware-token-999");
    for (const text of errorTexts(error)) expect(text).not.toContain("middleware-token-999");
  });

  it("hides a caller's Basic credential in a helper's error, where no Bearer rule applies", async () => {
    server.handler = (request) => ({ status: 400, json: { message: `got ${String(request.headers.authorization)}` } });
    const zuora = clientWhoseMiddlewareSetsAuthorization("Basic dXNlcjpwYXNzd29yZDEy");
    const error = await rejection(zuora.getEntity("8a80825556ff28a4015709096c5d6f5d"));
    expect(error.message).toContain("got ");
    for (const text of errorTexts(error)) expect(text).not.toContain("dXNlcjpwYXNzd29yZDEy");
  });
});

describe("the redactor's memory: bounded, and still hiding what it needs", () => {
  it("remembers a bounded number of issued tokens however many are issued, the configured secrets always", () => {
    const redactor = new SecretRedactor();
    redactor.addConfigured(base64Secret);
    for (let i = 0; i < 60_000; i++) redactor.add(`issued-token-${i}`);
    expect(redactor.size).toBeLessThanOrEqual(16);
    expect(redactor.redact(`${base64Secret} issued-token-59999`)).toBe("[REDACTED] [REDACTED]");
  });

  it("still hides a rotated-out token in the answer to the request that carried it", async () => {
    let issued = 0;
    let release: (() => void) | undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.handler = async (request) => {
      const sent = String(request.headers.authorization).slice("Bearer ".length);
      if (sent === "issued-token-1") {
        await held;
        return { status: 403, json: { message: `token ${sent} may not do this` } };
      }
      return defaultHandler(request, 1);
    };
    const zuora = createZuoraClient({
      baseUrl: server.url,
      auth: () => {
        issued++;
        return `issued-token-${issued}`;
      },
    });
    const first = rejection(zuora.createEntity(entityBody));
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    // Fifty newer tokens push the first one out of what the redactor remembers of issued tokens.
    for (let i = 0; i < 50; i++) await zuora.createEntity(entityBody);
    release?.();
    const error = await first;
    for (const text of errorTexts(error)) expect(text).not.toContain("issued-token-1 ");
    expect(error.message).toContain("[REDACTED]");
  });
});

describe("an error body echoing the token where the quote is cut", () => {
  it("hides the token before cutting, so no piece of it shows", async () => {
    server.handler = (request) => ({
      status: 403,
      text: `${"y".repeat(190)}${String(request.headers.authorization).replace("Bearer ", "")} rest`,
    });
    const error = await rejection(testClient(server.url).createEntity(entityBody));
    expect(error.status).toBe(403);
    expect(error.message).toContain("yyyy");
    expect(error.message).not.toContain("static-tok");
  });
});

// The createToken helper sends a client secret the client was never configured with (a static-token client minting
// a token for another API user): the spec marks client_secret as a password, so the call hides it like a token.
describe("a client secret sent with the createToken helper", () => {
  it("never appears in the error or the log of that call, in any shape", async () => {
    const minted = "minted/Secret+Of=Another-User";
    // A token endpoint that echoes the form body it received, in its error and in a failing attempt's answer.
    server.handler = (request, n) =>
      n === 1
        ? { status: 503, json: { message: `busy with ${request.text}` } }
        : { status: 401, json: { error: "invalid_client", error_description: `refused ${request.text}` } };
    const logger = recordingLogger();
    const zuora = testClient(server.url, { logger, logLevel: "debug" });
    const error = await rejection(
      zuora.createToken({ client_id: "other-user", client_secret: minted, grant_type: "client_credentials" }),
    );
    expect(error).toBeInstanceOf(ZuoraAuthenticationError);
    expect(server.requests).toHaveLength(2);
    // The echo reached the client: the text is there, its secret is not.
    expect(error.message).toContain("client_id=other-user");
    expect(logger.lines).toHaveLength(3);
    for (const text of [...errorTexts(error), ...logger.lines]) {
      for (const shape of shapesOf(minted)) expect(text).not.toContain(shape);
    }
  });
});

// OAuth lets a client authenticate to the token endpoint with HTTP Basic (client_secret_basic). A caller's
// Authorization header on the token request is hidden like one on any other call, though no bearer token is added.
describe("a caller's Authorization header on the token request", () => {
  it("is hidden in the error and the log lines when the fetch's failure quotes it", async () => {
    const credential = btoa("other-user:basic-secret-value");
    const logger = recordingLogger();
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
    expect(logger.lines.join("\n")).toContain("proxy refused: Authorization");
    for (const text of [...errorTexts(error), ...logger.lines]) expect(text).not.toContain(credential);
  });
});
