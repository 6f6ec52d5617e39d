import { describe, expect, it } from "vitest";
import { isLoopback, parseServeArgs, UsageError } from "../../stand-in-cli/args.js";

describe("zuora-stand-in's arguments", () => {
  it("default to a free loopback port, no seed or state, and a log line per request", () => {
    expect(parseServeArgs([])).toEqual({
      help: false,
      version: false,
      port: 0,
      host: "127.0.0.1",
      seed: undefined,
      state: undefined,
      options: {},
      log: "info",
    });
  });

  it("give createStandIn its limits, latency in ms and token rule, leaving the numbers to its checks", () => {
    const args = parseServeArgs(["--limits", "concurrency=10,perMinute=600", "--latency", "1.5s", "--auth", "issued"]);
    expect(args.options).toEqual({
      limits: { concurrency: 10, perMinute: 600 },
      latencyMs: 1500,
      auth: { tokens: "issued" },
    });
    expect(parseServeArgs(["--latency", "20ms"]).options.latencyMs).toBe(20);
    expect(parseServeArgs(["--latency", "20"]).options.latencyMs).toBe(20);
    expect(parseServeArgs(["--limits", "concurrency=-3"]).options.limits).toEqual({ concurrency: -3 });
    expect(parseServeArgs(["--limits", "perMinute="]).options.limits).toEqual({ perMinute: Number.NaN });
  });

  it("refuses a repeated or unknown limit, and a duration without a number", () => {
    for (const argv of [
      ["--limits", "concurrency=1,concurrency=2"],
      ["--limits", "burst=1"],
      ["--limits", "concurrency"],
      ["--latency", "-5ms"],
      ["--latency", "5m"],
      ["--port", "-1"],
      ["stray"],
    ]) {
      expect(() => parseServeArgs(argv), argv.join(" ")).toThrow(UsageError);
    }
  });

  it("take loopback hosts alone unless told to serve beyond the machine", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"]) expect(isLoopback(host)).toBe(true);
    for (const host of ["0.0.0.0", "::", "192.168.1.5", "example.com"]) expect(isLoopback(host)).toBe(false);
    expect(() => parseServeArgs(["--host", "::"])).toThrow(/--allow-remote/);
    expect(parseServeArgs(["--host", "::", "--allow-remote"]).host).toBe("::");
  });
});
