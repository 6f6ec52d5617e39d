import type { Client } from "openapi-fetch";
import type { paths } from "../../generated/schema.js";
import { errorFromResponse } from "../errors/errorFromResponse.js";
import type { SecretRedactor } from "../errors/redact.js";
import { callInfo } from "../pipeline/createPipelineFetch.js";
import type { TokenSource } from "./tokenSource.js";

/** OAuth client credentials created in Zuora for an API user. */
export interface OAuthClientCredentials {
  /** The OAuth client's ID. */
  clientId: string;
  /** The OAuth client's secret. Never appears in an error, its message or its JSON. */
  clientSecret: string;
  /**
   * Renew a cached token this long before it expires, in ms, so no call sets out with a token about to lapse.
   * Defaults to 300000 (5 minutes, as Zuora's error-handling guide suggests). A token living no longer than this is
   * renewed at half its life.
   */
  refreshBeforeExpiryMs?: number;
}

/** Options of {@link oauthTokenSource}. */
export interface OAuthTokenSourceOptions extends OAuthClientCredentials {
  /** An openapi-fetch client for `POST /oauth/token` (typed from the spec, no auth policy). */
  tokenClient: Client<paths>;
  redactor: SecretRedactor;
  /** The current time in ms. Defaults to `Date.now`. */
  now?: () => number;
}

/**
 * Client-credentials tokens from Zuora's `POST /oauth/token`, cached until shortly before `expires_in`. However many
 * calls need a token at once, one token request is made and they all wait for it; a 401 drops the refused token and
 * (once, for all the calls that saw it) fetches a new one.
 */
export function oauthTokenSource(options: OAuthTokenSourceOptions): TokenSource {
  const now = options.now ?? Date.now;
  const skewMs = options.refreshBeforeExpiryMs ?? 300_000;
  options.redactor.add(options.clientSecret);
  let cached: { token: string; renewAt: number } | null = null;
  let inflight: Promise<string> | null = null;

  const requestToken = async (): Promise<string> => {
    const result = await options.tokenClient.POST("/oauth/token", {
      body: { client_id: options.clientId, client_secret: options.clientSecret, grant_type: "client_credentials" },
      bodySerializer: (body) => new URLSearchParams(body as Record<string, string>).toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    if (!result.data || typeof result.data.access_token !== "string") {
      throw errorFromResponse({
        operation: "POST /oauth/token",
        response: result.response,
        body: result.error ?? result.data,
        info: callInfo(result.response),
        redactor: options.redactor,
        authentication: true,
      });
    }
    const { access_token: token, expires_in: expiresIn } = result.data;
    options.redactor.add(token);
    const lifeMs = expiresIn * 1000;
    cached = { token, renewAt: now() + (lifeMs > skewMs ? lifeMs - skewMs : lifeMs / 2) };
    return token;
  };

  const get = (): Promise<string> => {
    if (cached && now() < cached.renewAt) return Promise.resolve(cached.token);
    inflight ??= requestToken().finally(() => {
      inflight = null;
    });
    return inflight;
  };

  return {
    get,
    refresh(stale) {
      // Only the call that first sees the refused token drops it; later ones find a newer token or the request in flight.
      if (cached?.token === stale) cached = null;
      return get();
    },
  };
}
