import { type Answer, answer } from "./answers.js";

/** How the stand-in authenticates requests. */
export interface StandInAuthOptions {
  /**
   * `any` (the default): any `Authorization: Bearer <token>` passes, so tests need no OAuth. `issued`: only tokens
   * that the stand-in's own `POST /oauth/token` issued and that have not expired, so the client's token refresh can be
   * tested end to end. A request without a bearer token is refused with 401 either way.
   *
   * Either way, a token issued to one of the tenant's OAuth clients (`oauthClients`, seeded) acts as that client's
   * user; any other token acts as the stand-in's default caller, an administrator of the entity the call runs in.
   */
  tokens?: "any" | "issued";
  /**
   * More client credentials `POST /oauth/token` accepts (`client_id` → `client_secret`), whose tokens act as the
   * default caller. Defaults to any: every client ID that is not one of the tenant's OAuth clients is accepted.
   */
  clients?: Record<string, string>;
  /** `expires_in` of an issued token, in seconds. Defaults to 3599, as Zuora's tenants. */
  tokenLifetimeSeconds?: number;
  /** The clock, in ms, that issued tokens expire by. Defaults to `Date.now`. */
  now?: () => number;
}

/** Who a request's token acts as: a user of the tenant, or (undefined) the stand-in's default caller. */
export interface TokenIdentity {
  username: string | undefined;
}

/** What the token endpoint needs to know of the tenant. */
export interface TokenTenant {
  /** The tenant's OAuth client with this ID: its secret, and the user its tokens act as. */
  client(clientId: string): { secret: string; user: string } | undefined;
  /** The token's `scope`: the entities the user (or, undefined, the default caller) can access. */
  scope(username: string | undefined): string;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Issues client-credentials tokens and judges the bearer token of every other request. */
export class Authenticator {
  readonly #options: StandInAuthOptions;
  /** Issued tokens: when each expires (ms on the clock), and the user it acts as. */
  readonly #issued = new Map<string, { expires: number; username: string | undefined }>();
  /** How many tokens `POST /oauth/token` has issued. */
  issuedCount = 0;

  constructor(options: StandInAuthOptions = {}) {
    this.#options = options;
  }

  /** `POST /oauth/token` with a form body: a token, or an OAuth 2.0 error (RFC 6749, section 5.2). */
  issue(form: URLSearchParams, tenant: TokenTenant): Answer {
    const clientId = form.get("client_id");
    const clientSecret = form.get("client_secret");
    const grantType = form.get("grant_type");
    if (!clientId || !clientSecret || !grantType) {
      return oauthError(400, "invalid_request", "client_id, client_secret and grant_type are required.");
    }
    if (grantType !== "client_credentials") {
      return oauthError(400, "unsupported_grant_type", "Only client_credentials is supported.");
    }
    const seeded = tenant.client(clientId);
    const clients = this.#options.clients;
    const valid = seeded
      ? seeded.secret === clientSecret
      : clients === undefined || (Object.hasOwn(clients, clientId) && clients[clientId] === clientSecret);
    if (!valid) return oauthError(401, "invalid_client", "The client credentials are not valid.");
    const username = seeded?.user;
    const token = crypto.randomUUID().replaceAll("-", "");
    const lifetime = this.#options.tokenLifetimeSeconds ?? 3599;
    this.#issued.set(token, { expires: this.#now() + lifetime * 1000, username });
    this.issuedCount += 1;
    const scope = tenant.scope(username);
    return answer(200, { access_token: token, token_type: "bearer", expires_in: lifetime, scope, jti: token });
  }

  /** Who a request with this `Authorization` header acts as, or undefined when it may not go on (a 401). */
  identify(authorization: string | null): TokenIdentity | undefined {
    const token = BEARER.exec(authorization ?? "")?.[1];
    if (token === undefined) return undefined;
    const issued = this.#issued.get(token);
    if ((this.#options.tokens ?? "any") === "any") return { username: issued?.username };
    return issued !== undefined && this.#now() < issued.expires ? { username: issued.username } : undefined;
  }

  /** Makes every token issued so far expired, as if their hour had passed. */
  expireAll(): void {
    for (const issued of this.#issued.values()) issued.expires = Number.NEGATIVE_INFINITY;
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
