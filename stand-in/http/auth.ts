import { type Answer, answer } from "./answers.js";

/** How the stand-in authenticates requests. */
export interface StandInAuthOptions {
  /**
   * `any` (the default): any `Authorization: Bearer <token>` passes, so tests need no OAuth. `issued`: only tokens
   * that the stand-in's own `POST /oauth/token` issued and that have not expired, so the client's token refresh can be
   * tested end to end. A request without a bearer token is refused with 401 either way.
   */
  tokens?: "any" | "issued";
  /** The client credentials `POST /oauth/token` accepts (`client_id` → `client_secret`). Defaults to any. */
  clients?: Record<string, string>;
  /** `expires_in` of an issued token, in seconds. Defaults to 3599, as Zuora's tenants. */
  tokenLifetimeSeconds?: number;
  /** The clock, in ms, that issued tokens expire by. Defaults to `Date.now`. */
  now?: () => number;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Issues client-credentials tokens and judges the bearer token of every other request. */
export class Authenticator {
  readonly #options: StandInAuthOptions;
  /** Issued tokens and when they expire (ms on the clock). */
  readonly #issued = new Map<string, number>();
  /** How many tokens `POST /oauth/token` has issued. */
  issuedCount = 0;

  constructor(options: StandInAuthOptions = {}) {
    this.#options = options;
  }

  /** `POST /oauth/token` with a form body: a token, or an OAuth 2.0 error (RFC 6749, section 5.2). */
  issue(form: URLSearchParams, scope: string): Answer {
    const clientId = form.get("client_id");
    const clientSecret = form.get("client_secret");
    const grantType = form.get("grant_type");
    if (!clientId || !clientSecret || !grantType) {
      return oauthError(400, "invalid_request", "client_id, client_secret and grant_type are required.");
    }
    if (grantType !== "client_credentials") {
      return oauthError(400, "unsupported_grant_type", "Only client_credentials is supported.");
    }
    const clients = this.#options.clients;
    if (clients !== undefined && clients[clientId] !== clientSecret) {
      return oauthError(401, "invalid_client", "The client credentials are not valid.");
    }
    const token = crypto.randomUUID().replaceAll("-", "");
    const lifetime = this.#options.tokenLifetimeSeconds ?? 3599;
    this.#issued.set(token, this.#now() + lifetime * 1000);
    this.issuedCount += 1;
    return answer(200, { access_token: token, token_type: "bearer", expires_in: lifetime, scope, jti: token });
  }

  /** Whether a request with this `Authorization` header may go on. */
  accepts(authorization: string | null): boolean {
    const token = BEARER.exec(authorization ?? "")?.[1];
    if (token === undefined) return false;
    if ((this.#options.tokens ?? "any") === "any") return true;
    const expires = this.#issued.get(token);
    return expires !== undefined && this.#now() < expires;
  }

  /** Makes every token issued so far expired, as if their hour had passed. */
  expireAll(): void {
    for (const token of this.#issued.keys()) this.#issued.set(token, Number.NEGATIVE_INFINITY);
  }

  /** Forgets every issued token. */
  reset(): void {
    this.#issued.clear();
    this.issuedCount = 0;
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }
}

/** The spec's 401 for a missing, invalid or expired bearer token. */
export function unauthorized(): Answer {
  return answer(401, { message: "Authentication error" }, { "www-authenticate": "Bearer realm=Zuora API" });
}

function oauthError(status: number, error: string, description: string): Answer {
  return answer(status, { error, error_description: description });
}
