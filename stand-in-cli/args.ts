import { parseArgs } from "node:util";
import type { StandInOptions } from "../stand-in/node.js";

/** How the log reports each request: a line of text, a JSON object per line, or nothing. */
export type LogFormat = "info" | "json" | "off";

/** The command's arguments, parsed. */
export interface ServeArgs {
  help: boolean;
  version: boolean;
  /** 0 for a free one. */
  port: number;
  host: string;
  /** A hierarchy file to start from. */
  seed: string | undefined;
  /** A file to load the tenant from and save it to. */
  state: string | undefined;
  /** `--limits`, `--latency` and `--auth`, as `createStandIn` takes them (it judges their values). */
  options: Pick<StandInOptions, "limits" | "latencyMs" | "auth">;
  log: LogFormat;
}

/** A mistake in how the command was called (exit 2). */
export class UsageError extends Error {
  override name = "UsageError";
}

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
  port: { type: "string" },
  host: { type: "string" },
  "allow-remote": { type: "boolean" },
  seed: { type: "string" },
  state: { type: "string" },
  limits: { type: "string" },
  latency: { type: "string" },
  auth: { type: "string" },
  log: { type: "string" },
} as const;

const LIMITS = ["concurrency", "perMinute"] as const;
const LOG_FORMATS: readonly LogFormat[] = ["info", "json", "off"];

/**
 * Parses the arguments after the program's name. Throws a {@link UsageError} naming the option for an unknown one, a
 * value of the wrong shape, or a host that is not loopback without `--allow-remote`. The numbers of `--limits` and
 * `--latency` are left to `createStandIn` to judge, so the command and the library refuse the same values.
 */
export function parseServeArgs(argv: readonly string[]): ServeArgs {
  let values: Partial<Record<keyof typeof OPTIONS, string | boolean>>;
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: false, strict: true }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const text = (name: keyof typeof OPTIONS) => (typeof values[name] === "string" ? values[name] : undefined);
  const host = text("host") ?? "127.0.0.1";
  if (!isLoopback(host) && values["allow-remote"] !== true) {
    throw new UsageError(
      `--host ${host} is not a loopback address: anyone who reaches it could read and change the tenant. Add --allow-remote to serve there anyway (in a container, say)`,
    );
  }
  const options: ServeArgs["options"] = {};
  const limits = text("limits");
  if (limits !== undefined) options.limits = parseLimits(limits);
  const latency = text("latency");
  if (latency !== undefined) options.latencyMs = parseDuration(latency);
  const auth = text("auth");
  if (auth !== undefined) options.auth = { tokens: auth as "any" | "issued" };
  const log = text("log") ?? "info";
  if (!LOG_FORMATS.includes(log as LogFormat)) {
    throw new UsageError(`--log must be one of ${LOG_FORMATS.join(", ")}, not ${log}`);
  }
  return {
    help: values.help === true,
    version: values.version === true,
    port: parsePort(text("port") ?? "0"),
    host,
    seed: text("seed"),
    state: text("state"),
    options,
    log: log as LogFormat,
  };
}

/** Whether a host name or address only this machine reaches. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= 65_535)) throw new UsageError(`--port must be a port number from 0 to 65535, not ${text}`);
  return port;
}

/** `concurrency=10,perMinute=600`: each known name once, its value a number for `createStandIn` to judge. */
function parseLimits(text: string): NonNullable<ServeArgs["options"]["limits"]> {
  const limits: Record<string, number> = {};
  for (const part of text.split(",")) {
    const [name = "", value, ...rest] = part.split("=");
    const known = (LIMITS as readonly string[]).includes(name.trim());
    if (!known || value === undefined || rest.length > 0 || Object.hasOwn(limits, name.trim())) {
      throw new UsageError(
        `--limits takes ${LIMITS.map((l) => `${l}=N`).join(",")} (each at most once), not ${JSON.stringify(text)}`,
      );
    }
    limits[name.trim()] = value.trim() === "" ? Number.NaN : Number(value);
  }
  return limits;
}

/** `20ms`, `1.5s` or `20` (ms), in ms. */
function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text.trim());
  if (!match) throw new UsageError(`--latency must be a duration such as 20ms or 1s, not ${text}`);
  return Number(match[1]) * (match[2] === "s" ? 1000 : 1);
}
