import { echoedHeader } from "../errors/echoedHeader.js";
import type { ErrorContext } from "../errors/errorFromResponse.js";
import { errorFromResponse } from "../errors/errorFromResponse.js";
import { ZuoraAuthenticationError } from "../errors/ZuoraApiError.js";
import { DEFAULT_REFRESH_BEFORE_EXPIRY_MS } from "../options/defaults.js";
import { target } from "../pipeline/target.js";
import type { Exchange } from "../pipeline/types.js";
import { readBodyValue } from "../read/readBodyValue.js";
import { checkTokenShape } from "./checkToken.js";
import { SharedFlight } from "./sharedFlight.js";
import type { TokenLease, TokenSource } from "./tokenSource.js";

/** OAuth client credentials created in Zuora for an API user. */
export interface OAuthClientCredentials {
  /** The OAuth client's ID. */
  clientId: string;
  /** The OAuth client's secret. Never appears in an error, its message or its JSON. */
  clientSecret: string;
  /**
   * Renew a cached token this long before it expires, in ms, so no call sets out with a token about to lapse. A
   * token living no longer than this is renewed at half its life.
   * @defaultValue `300000` (5 minutes, as Zuora's error-handling guide suggests)
   */
  refreshBeforeExpiryMs?: number | undefined;
}

/** Options of {@link oauthTokenSource}. */
export interface OAuthTokenSourceOptions extends OAuthClientCredentials {
  /**
   * Sends `POST /oauth/token` with this form body through the client's core (prepared and validated like any call,
   * sent through the token request's policies), taking a 2xx JSON body parsed.
   */
  requestToken: (form: Record<string, string>, signal: AbortSignal) => Promise<Exchange>;
  /** Redaction, clock and Retry-After cap for the token request's errors. */
  context: ErrorContext;
}

/** How long a token whose reply has no usable `expires_in` is kept, in s: Zuora's tokens live an hour. */
const ASSUMED_LIFETIME_S = 3600;

/**
 * Client-credentials tokens from Zuora's `POST /oauth/token`, cached until shortly before `expires_in`. However many
 * calls need a token at once, one token request is made and they all wait for it; a caller that aborts stops waiting
 * at once, and the request itself is aborted when no caller waits any more. A 401 drops the refused token once per
 * generation (see {@link TokenLease}): later 401s for the same generation reuse the token fetched for the first.
 */
export function oauthTokenSource(options: OAuthTokenSourceOptions): TokenSource {
  const { context } = options;
  const now = context.now;
  const skewMs = options.refreshBeforeExpiryMs ?? DEFAULT_REFRESH_BEFORE_EXPIRY_MS;
  context.redactor.addConfigured(options.clientSecret);
  let generation = 0;
  let cached: { lease: TokenLease; renewAt: number } | null = null;
  const requests = new SharedFlight<TokenLease>();

  const requestToken = async (signal: AbortSignal): Promise<TokenLease> => {
    const { response, record } = await options.requestToken(
      { client_id: options.clientId, client_secret: options.clientSecret, grant_type: "client_credentials" },
      signal,
    );
    const operation = target(record);
    if (!response.ok) {
      throw errorFromResponse({
        operation,
        response,
        body: await readBodyValue(response),
        info: record.info,
        secrets: record.secrets,
        context,
        authentication: true,
      });
    }
    const data = record.parsed as Record<string, unknown> | undefined;
    const token = data?.access_token;
    const problem = checkTokenShape(token);
    if (problem) {
      const redact = (text: string) => context.redactor.redact(text, record.secrets);
      throw new ZuoraAuthenticationError({
        message: redact(`${operation} answered HTTP ${response.status} without a usable access_token (it ${problem})`),
        status: response.status,
        attempts: record.info.attempts,
        requestId: echoedHeader(response, "zuora-request-id", redact),
      });
    }
    context.redactor.add(token as string);
    const expiresIn =
      typeof data?.expires_in === "number" && data.expires_in > 0 ? data.expires_in : ASSUMED_LIFETIME_S;
    const lifeMs = expiresIn * 1000;
    generation++;
    const lease = { token: token as string, generation };
    cached = { lease, renewAt: now() + (lifeMs > skewMs ? lifeMs - skewMs : lifeMs / 2) };
    return lease;
  };

  const get = (signal: AbortSignal | undefined): Promise<TokenLease> => {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (cached && now() < cached.renewAt) return Promise.resolve(cached.lease);
    return requests.join(requestToken, signal);
  };

  return {
    get,
    refresh(refused, signal) {
      // Only the first 401 of a generation drops it; later ones find the newer token, or the request in flight.
      if (cached?.lease.generation === refused.generation) cached = null;
      return get(signal);
    },
  };
}
