import { createZuoraClient, type ZuoraAuth, type ZuoraClient } from "../../src/index.js";
import { type Io, UsageError } from "./io.js";

/** A client for the tenant the environment or `--base-url` names, counting the requests it sends. */
export interface TenantClient {
  zuora: ZuoraClient;
  /** The tenant's origin, for messages. */
  origin: string;
  /** How many HTTP requests have been sent so far (retries and the token request included). */
  requests(): number;
}

/**
 * Makes the client from `--base-url` or `ZUORA_BASE_URL`, with `ZUORA_CLIENT_ID` + `ZUORA_CLIENT_SECRET` (OAuth) or
 * `ZUORA_ACCESS_TOKEN`. Throws a {@link UsageError} naming what is missing. The client's log lines (`ZUORA_LOG`) go
 * to stderr with the progress, whatever their level: stdout holds the command's result alone (`--json` parses).
 */
export function tenantClient(io: Pick<Io, "env" | "err">, baseUrl: string | undefined): TenantClient {
  const { env } = io;
  const url = baseUrl ?? env.ZUORA_BASE_URL;
  if (!url) throw new UsageError("no tenant: set ZUORA_BASE_URL or pass --base-url");
  const { ZUORA_CLIENT_ID: clientId, ZUORA_CLIENT_SECRET: clientSecret, ZUORA_ACCESS_TOKEN: token } = env;
  let auth: ZuoraAuth;
  if (clientId && clientSecret) auth = { clientId, clientSecret };
  else if (token) auth = token;
  else throw new UsageError("no credentials: set ZUORA_CLIENT_ID and ZUORA_CLIENT_SECRET, or ZUORA_ACCESS_TOKEN");
  let sent = 0;
  const zuora = createZuoraClient({
    baseUrl: url,
    auth,
    trackId: "zuora-entities",
    logger: { debug: io.err, info: io.err, warn: io.err, error: io.err },
    fetch: (input, init) => {
      sent++;
      return globalThis.fetch(input, init);
    },
  });
  return { zuora, origin: new URL(url).origin, requests: () => sent };
}
