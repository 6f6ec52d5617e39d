import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { createZuoraClient, type ZuoraClientOptions, ZuoraError } from "../../src/index.js";
import * as defaults from "../../src/options/defaults.js";
import { errorTexts } from "../support/errorTexts.js";
import { recordingLogger, testClient, validationRejection } from "../support/fixtures.js";
import { startLoopbackServer, useLoopbackServer } from "../support/loopbackServer.js";

const ID = "8a80825556ff28a4015709096c5d6f5d";
const server = useLoopbackServer(() => ({ json: { id: ID, success: true } }));

/** The error createZuoraClient throws for `options`, or undefined when it makes a client. */
function refusal(options: Partial<ZuoraClientOptions>): unknown {
  try {
    createZuoraClient({ baseUrl: server.url, auth: "static-token-abc", ...options } as ZuoraClientOptions);
    return undefined;
  } catch (error) {
    return error;
  }
}

// A client made with options that cannot work is refused when it is made, naming the option.
describe("options that cannot work", () => {
  it.each<[string, string, Partial<ZuoraClientOptions>]>([
    ["an empty token", "auth", { auth: "" }],
    ["a token of spaces", "auth", { auth: "  " }],
    ["a token with its Bearer prefix", "auth", { auth: "Bearer abc-def-ghi" }],
    ["an empty clientId", "auth.clientId", { auth: { clientId: "", clientSecret: "x" } }],
    ["maxRetries NaN", "maxRetries", { maxRetries: Number.NaN }],
    ["maxRetries -1", "maxRetries", { maxRetries: -1 }],
    ["maxRetries 1.5", "maxRetries", { maxRetries: 1.5 }],
    ["timeoutMs 0", "timeoutMs", { timeoutMs: 0 }],
    ["timeoutMs -1", "timeoutMs", { timeoutMs: -1 }],
    ["timeoutMs NaN", "timeoutMs", { timeoutMs: Number.NaN }],
    ["timeoutMs beyond setTimeout's range", "timeoutMs", { timeoutMs: 2 ** 31 }],
    ["a baseUrl without a scheme", "baseUrl", { baseUrl: "rest.test.zuora.com" }],
    ["an ftp baseUrl", "baseUrl", { baseUrl: "ftp://rest.test.zuora.com" }],
    ["a baseUrl ending in /v1, which would call /v1/v1/...", "baseUrl", { baseUrl: "https://rest.test.zuora.com/v1" }],
    ["retry.baseDelayMs NaN", "retry.baseDelayMs", { retry: { baseDelayMs: Number.NaN } }],
    ["a negative compression.minBytes", "compression.minBytes", { compression: { minBytes: -5 } }],
  ])("refuses %s when the client is made, naming %s and no credential", (_, option, options) => {
    const error = refusal(options);
    expect(error).toBeInstanceOf(ZuoraError);
    expect((error as Error).message).toContain(`option ${option}`);
    expect((error as Error).message).not.toContain("abc-def-ghi");
  });

  it("accepts the smallest usable values and options given as undefined", () => {
    expect(refusal({ maxRetries: 0, timeoutMs: 1, trackId: undefined, retry: undefined })).toBeUndefined();
  });
});

// zuora.GET's per-call baseUrl follows the client's baseUrl rules: refused before sending, naming init.baseUrl.
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
    const logger = recordingLogger();
    const zuora = testClient(server.url, { logger, logLevel: "debug" });
    const baseUrl = server.url.replace("//", "//api-user:url-password-1@");
    const error = await validationRejection(
      server,
      zuora.GET("/v1/entities/{id}", { params: { path: { id: ID } }, baseUrl }),
    );
    expect(error.message).toContain("credentials");
    for (const text of errorTexts(error)) expect(text).not.toContain("url-password-1");
    // Nothing was sent, so nothing was logged: no line could repeat them.
    expect(logger.lines).toEqual([]);
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

// Each default is a named constant of src/options/defaults.ts; the options' TSDoc and the docs repeat the values.
describe("the defaults, stated once", () => {
  /** Each documented default: the option, as the docs name it, and the constant that is its value. */
  const constantOf = {
    maxRetries: "DEFAULT_MAX_RETRIES",
    timeoutMs: "DEFAULT_TIMEOUT_MS",
    maxResponseBytes: "DEFAULT_MAX_RESPONSE_BYTES",
    maxConcurrency: "DEFAULT_MAX_CONCURRENCY",
    maxConcurrencyWaitMs: "DEFAULT_MAX_CONCURRENCY_WAIT_MS",
    logLevel: "DEFAULT_LOG_LEVEL",
    "compression.minBytes": "DEFAULT_COMPRESSION_MIN_BYTES",
    "compression.acceptGzip": "DEFAULT_ACCEPT_GZIP",
    "retry.baseDelayMs": "DEFAULT_BASE_DELAY_MS",
    "retry.maxDelayMs": "DEFAULT_MAX_DELAY_MS",
    "retry.maxRetryAfterMs": "DEFAULT_MAX_RETRY_AFTER_MS",
    "auth.refreshBeforeExpiryMs": "DEFAULT_REFRESH_BEFORE_EXPIRY_MS",
  } as const satisfies Record<string, keyof typeof defaults>;

  const constants: Record<string, unknown> = { ...defaults };
  /** How docs write each default: in code, a string with its quotes; `compression` as the object of its two. */
  const shown: Record<string, string> = Object.fromEntries(
    Object.entries(constantOf).map(([option, name]) => {
      const value: unknown = constants[name];
      return [option, `\`${typeof value === "string" ? `"${value}"` : String(value)}\``];
    }),
  );
  shown.compression = `\`{ minBytes: ${defaults.DEFAULT_COMPRESSION_MIN_BYTES}, acceptGzip: ${defaults.DEFAULT_ACCEPT_GZIP} }\``;

  /** The `@defaultValue` of each option the TSDoc of `interfaces` (name → prefix of its options) gives one. */
  function defaultValueTags(file: string, interfaces: Record<string, string>): Map<string, string> {
    const path = fileURLToPath(new URL(`../../${file}`, import.meta.url));
    const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
    const tags = new Map<string, string>();
    for (const node of source.statements) {
      const prefix = ts.isInterfaceDeclaration(node) ? interfaces[node.name.text] : undefined;
      if (prefix === undefined || !ts.isInterfaceDeclaration(node)) continue;
      for (const member of node.members) {
        for (const tag of ts.getJSDocTags(member)) {
          if (tag.tagName.text !== "defaultValue") continue;
          tags.set(`${prefix}${member.name?.getText(source)}`, ts.getTextOfJSDocComment(tag.comment) ?? "");
        }
      }
    }
    return tags;
  }

  /** The default column of each row of the options table in a Markdown file, by the option the row names. */
  function tableDefaults(file: string): Map<string, string> {
    const text = readFileSync(fileURLToPath(new URL(`../../${file}`, import.meta.url)), "utf8");
    return new Map(Array.from(text.matchAll(/^\| `([\w.]+)` \| ([^|\n]+) \|/gm), (m) => [m[1] ?? "", m[2] ?? ""]));
  }

  it("names every constant of the defaults module, so each is checked below", () => {
    expect(Object.values(constantOf).sort()).toEqual(Object.keys(defaults).sort());
  });

  it("states each default in the options' TSDoc as the constant's value", () => {
    const tags = new Map([
      ...defaultValueTags("src/options/options.ts", {
        ZuoraClientOptions: "",
        CompressionOptions: "compression.",
        RetryOptions: "retry.",
      }),
      ...defaultValueTags("src/auth/oauthTokenSource.ts", { OAuthClientCredentials: "auth." }),
    ]);
    for (const [option, value] of Object.entries(shown)) expect(tags.get(option), option).toContain(value);
    // A default given as a number, a string or a boolean is one of the constants: none is written only in a comment.
    const literal = [...tags].filter(([, text]) => /\d|"|\btrue\b|\bfalse\b/.test(text)).map(([option]) => option);
    expect(literal.sort()).toEqual(Object.keys(shown).sort());
  });

  it("states each default in docs/client-options.md, and in the README's table while it has one", () => {
    // The table has one row for compression, its object: the two options inside are checked through it.
    const rows = Object.keys(shown).filter((option) => !option.startsWith("compression."));
    const page = tableDefaults("docs/client-options.md");
    for (const option of rows) expect(page.get(option), option).toContain(shown[option]);
    const readme = tableDefaults("README.md");
    for (const option of rows)
      if (readme.has(option)) expect(readme.get(option), `README: ${option}`).toContain(shown[option]);
  });
});
