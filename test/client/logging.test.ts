import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createZuoraClient, type Logger, type LogLevel, ZuoraConfigurationError } from "../../src/index.js";
import { entityBody, recordingSleep, testClient } from "../support/fixtures.js";
import { defaultHandler, useLoopbackServer } from "../support/loopbackServer.js";

const ID = "8a80825556ff28a4015709096c5d6f5d";
const SECRET = "client-secret-never-logged";

// A 503 then a 200 for the entity; tokens from the default handler.
const server = useLoopbackServer((request, n) => {
  if (request.path === "/oauth/token") return defaultHandler(request, n);
  return n === 1
    ? { status: 503, headers: { "zuora-request-id": "req-1" }, json: { message: "busy" } }
    : { headers: { "zuora-request-id": "req-2" }, json: { id: ID, name: "n", status: "Provisioned", success: true } };
});

/** A logger that keeps each line with its level. */
function recordingLogger() {
  const lines: { level: string; text: string }[] = [];
  const at = (level: string) => (text: string) => lines.push({ level, text });
  const logger: Logger = { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
  return Object.assign(logger, { lines, text: () => lines.map((l) => l.text).join("\n") });
}

const client = (logger: Logger, logLevel?: LogLevel) =>
  createZuoraClient({
    baseUrl: server.url,
    auth: { clientId: "client-1", clientSecret: SECRET },
    retry: { sleep: recordingSleep(), random: () => 0.5, baseDelayMs: 500 },
    logger,
    ...(logLevel ? { logLevel } : {}),
  });

describe("the client's log", () => {
  it("writes one line per attempt at debug and one per retry decision at info", async () => {
    const logger = recordingLogger();
    await client(logger, "debug").getEntity(ID);
    const entityLines = logger.lines.filter((l) => l.text.includes("/v1/entities"));
    expect(entityLines.map((l) => l.level)).toEqual(["debug", "info", "debug"]);
    const [first, retry, second] = entityLines.map((l) => l.text);
    expect(first).toMatch(
      new RegExp(
        `^zuora-multi-entity: GET ${server.url}/v1/entities/${ID} attempt 1: HTTP 503 in \\d+ ms, Zuora-Request-Id req-1; next attempt in 250 ms$`,
      ),
    );
    expect(retry).toBe(
      `zuora-multi-entity: retrying GET ${server.url}/v1/entities/${ID} in 250 ms (backoff) after HTTP 503; attempt 2 of 3`,
    );
    expect(second).toMatch(/attempt 2: HTTP 200 in \d+ ms, Zuora-Request-Id req-2$/);
  });

  it("logs the token request's attempts too, never the secret or the token", async () => {
    const logger = recordingLogger();
    await client(logger, "debug").getEntity(ID);
    expect(logger.text()).toContain(`POST ${server.url}/oauth/token attempt 1: HTTP 200`);
    expect(logger.text()).not.toContain(SECRET);
    expect(logger.text()).not.toContain("token-1");
  });

  it("hides a credential the caller set when it appears in a line", async () => {
    const logger = recordingLogger();
    const zuora = createZuoraClient({
      baseUrl: server.url,
      auth: "client-token-5678",
      logger,
      logLevel: "debug",
      maxRetries: 0,
      fetch: async (_url, init) => {
        throw new Error(`refused ${new Headers(init.headers).get("authorization")}`);
      },
    });
    await zuora.GET("/v1/entities", { headers: { Authorization: "Basic dXNlcjpwYXNzd29yZDEy" } }).catch(() => {});
    expect(logger.text()).toContain("refused");
    expect(logger.text()).not.toContain("dXNlcjpwYXNzd29yZDEy");
  });

  it.each<[LogLevel, string[]]>([
    ["info", ["info"]],
    ["warn", []],
    ["off", []],
  ])("at %s writes only the lines of that level and above", async (level, levels) => {
    const logger = recordingLogger();
    await client(logger, level).getEntity(ID);
    expect(logger.lines.map((l) => l.level)).toEqual(levels);
  });

  it("refuses a logger without the four methods and an unknown level, naming the option", () => {
    const make = (extra: object) => () =>
      createZuoraClient({ baseUrl: server.url, auth: "client-token-5678", ...extra } as never);
    expect(make({ logger: { debug() {} } })).toThrow(ZuoraConfigurationError);
    expect(make({ logger: { debug() {} } })).toThrow("option logger must have debug, info, warn and error methods");
    expect(make({ logLevel: "verbose" })).toThrow("option logLevel must be one of off, error, warn, info, debug");
  });
});

describe("ZUORA_LOG", () => {
  const script = fileURLToPath(new URL("../support/logOneCall.ts", import.meta.url));
  const tsx = fileURLToPath(new URL("../../node_modules/tsx/dist/cli.mjs", import.meta.url));
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, [tsx, script], {
      env: { ...process.env, ...env },
      encoding: "utf8",
      timeout: 120_000,
    });

  it("=debug prints two attempt lines and one retry line for a 503 then a 200, with no secret", async () => {
    const result = run({ ZUORA_LOG: "debug" });
    expect(result.status, result.stderr).toBe(0);
    const lines = `${result.stdout}${result.stderr}`.split("\n").filter((l) => l.includes("/v1/entities/"));
    expect(lines.filter((l) => / attempt \d: /.test(l))).toHaveLength(2);
    expect(lines.filter((l) => l.includes("retrying GET"))).toHaveLength(1);
    expect(`${result.stdout}${result.stderr}`).not.toContain(SECRET);
  });

  it("says once that a value which is no level is none, and stays at warn", () => {
    const result = run({ ZUORA_LOG: "loud" });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain("ZUORA_LOG=loud is not a log level");
    expect(result.stdout).not.toContain("attempt 1");
  });
});

/** A logger each of whose methods counts its call and then does `write`. */
function loggerThat(write: () => unknown): Logger & { calls: number } {
  const logger = { calls: 0, debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
  const each = () => {
    logger.calls++;
    return write();
  };
  return Object.assign(logger, { debug: each, info: each, warn: each, error: each });
}

// A logger is an observer: whatever it does, the call's outcome is the server's answer.
describe("a logger that fails", () => {
  const created = { id: ID, success: true };
  // A 503 then a 201: every log line (attempt, retry decision, attempt) is written once.
  const failOnce = () => {
    server.handler = (_, n) => (n === 1 ? { status: 503, json: {} } : { json: created });
  };

  it("that throws does not turn an answered POST into a failure", async () => {
    failOnce();
    const logger = loggerThat(() => {
      throw new Error("log sink down");
    });
    const zuora = testClient(server.url, { logger, logLevel: "debug" });
    await expect(zuora.createEntity(entityBody)).resolves.toEqual(created);
    expect(server.requests).toHaveLength(2);
    expect(logger.calls).toBe(3);
  });

  it("whose methods return a rejected promise leaves no unhandled rejection", async () => {
    failOnce();
    const rejected: Promise<unknown>[] = [];
    const logger = loggerThat(() => {
      const write = Promise.reject(new Error("async log sink down"));
      rejected.push(write);
      return write;
    });
    const zuora = testClient(server.url, { logger, logLevel: "debug" });
    await expect(zuora.createEntity(entityBody)).resolves.toEqual(created);
    // A rejection nobody handled would fail this file (vitest reports it); each one is handled by the client.
    expect(rejected).toHaveLength(3);
  });
});
