import {
  createZuoraClient,
  type LogLevel,
  type ZuoraAuth,
  type ZuoraClient,
  ZuoraConfigurationError,
} from "../../src/index.js";
import { type Io, UsageError } from "./io.js";

/** A client for the tenant the environment or `--base-url` names, counting the requests it sends. */
export interface TenantClient {
  zuora: ZuoraClient;
  /** The tenant's origin, for messages. */
  origin: string;
  /** The tenant's base URL as a saved plan records it (no trailing slash). */
  url: string;
  /** How many HTTP requests have been sent so far (retries and the token request included). */
  requests(): number;
}

const LEVELS: readonly string[] = ["off", "error", "warn", "info", "debug"];

/**
 * Makes the client from `--base-url` or `ZUORA_BASE_URL`, with `ZUORA_CLIENT_ID` + `ZUORA_CLIENT_SECRET` (OAuth) or
 * `ZUORA_ACCESS_TOKEN`, and `ZUORA_ENTITY_IDS` as the entity calls run in unless a step names its own (for a token
 * valid for several entities). Throws a {@link UsageError} naming what is missing. The client's log lines go to `say`
 * (stderr, with the progress): at `info` unless `ZUORA_LOG` says otherwise, so that a retry or a wait for Zuora's
 * rate limit is said as it happens; stdout holds the command's result alone (`--json` parses).
 */
export function tenantClient(
  io: Pick<Io, "env">,
  baseUrl: string | undefined,
  say: (line: string) => void,
): TenantClient {
  const { env } = io;
  const given = baseUrl ?? env.ZUORA_BASE_URL;
  if (!given) throw new UsageError("no tenant: set ZUORA_BASE_URL or pass --base-url");
  let parsed: URL;
  try {
    parsed = new URL(given);
  } catch {
    throw new UsageError(`the tenant's URL ${given} is not a URL (e.g. https://rest.test.zuora.com)`);
  }
  const { ZUORA_CLIENT_ID: clientId, ZUORA_CLIENT_SECRET: clientSecret, ZUORA_ACCESS_TOKEN: token } = env;
  let auth: ZuoraAuth;
  if (clientId && clientSecret) auth = { clientId, clientSecret };
  else if (token) auth = token;
  else throw new UsageError("no credentials: set ZUORA_CLIENT_ID and ZUORA_CLIENT_SECRET, or ZUORA_ACCESS_TOKEN");
  const asked = env.ZUORA_LOG?.trim().toLowerCase();
  const logLevel = (asked && LEVELS.includes(asked) ? asked : "info") as LogLevel;
  let sent = 0;
  let zuora: ZuoraClient;
  try {
    zuora = createZuoraClient({
      baseUrl: given,
      auth,
      trackId: "zuora-entities",
      // A token valid for several entities must name the one each call runs in: the reads run in this one.
      ...(env.ZUORA_ENTITY_IDS ? { entityIds: env.ZUORA_ENTITY_IDS } : {}),
      logLevel,
      logger: { debug: say, info: say, warn: say, error: say },
      fetch: (input, init) => {
        sent++;
        return globalThis.fetch(input, init);
      },
    });
  } catch (error) {
    if (!(error instanceof ZuoraConfigurationError)) throw error;
    // The user gave a variable or a flag, not a client option: the message names what they wrote.
    const source = settingOf(error.option, baseUrl !== undefined, typeof auth === "string");
    throw new UsageError(error.message.replace(`createZuoraClient: option ${error.option} `, `${source} `));
  }
  const url = `${parsed.origin}${parsed.pathname.replace(/\/+$/, "")}`;
  return { zuora, origin: parsed.origin, url, requests: () => sent };
}

/** The variable or flag behind a client option that `createZuoraClient` refused. */
function settingOf(option: string, flag: boolean, token: boolean): string {
  if (option === "baseUrl") return flag ? "--base-url" : "ZUORA_BASE_URL";
  if (option === "auth.clientId") return "ZUORA_CLIENT_ID";
  if (option === "auth.clientSecret") return "ZUORA_CLIENT_SECRET";
  if (option.startsWith("auth")) return token ? "ZUORA_ACCESS_TOKEN" : "ZUORA_CLIENT_ID and ZUORA_CLIENT_SECRET";
  if (option === "entityIds") return "ZUORA_ENTITY_IDS";
  return option;
}
