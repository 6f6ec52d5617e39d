import type { Client, ClientPathsWithMethod, FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import type { paths } from "../../generated/schema.js";
import type { CallOptions } from "./callOptions.js";

type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
type MediaType = `${string}/${string}`;

/**
 * The per-call options `zuora.GET(path, init)` and the other methods take in `init` beside openapi-fetch's own
 * (`params`, `body`, `headers`, `signal`, `fetch`, `baseUrl`, `middleware`, ...). Each overrides the client's default
 * for this call only, and is checked at run time as a helper's options are.
 */
export type MethodCallOptions = Pick<CallOptions, "timeoutMs" | "maxRetries">;

/** The operation at `Path` and `Method` (a path's missing methods are `undefined`, which no call reaches). */
type Operation<Path extends keyof paths, Method extends HttpMethod> = paths[Path][Method] extends infer Op extends
  Record<string | number, unknown>
  ? Op
  : never;

// The keys of `T` a caller must give, written as openapi-fetch's helpers write them: with the same shape, the
// compiler sees that a ZuoraClient still fits where openapi-fetch's `Client<paths>` is expected.
// biome-ignore lint/complexity/noBannedTypes: `{}` as openapi-fetch writes it; `object` would change the shape.
type RequiredKeysOfHelper<T> = { [K in keyof T]: {} extends Pick<T, K> ? never : K }[keyof T];
type RequiredKeysOf<T> = RequiredKeysOfHelper<T> extends undefined ? never : RequiredKeysOfHelper<T>;

/**
 * openapi-fetch's `init` argument with the client's options typed in it: optional when nothing in it is required.
 * openapi-fetch admits any other key (`[key: string]: unknown`), and so does this; only the client's own options are
 * narrowed, and only here (an openapi-fetch client of the same `paths` elsewhere keeps its own types).
 */
type InitArgument<Init> =
  RequiredKeysOf<Init> extends never
    ? [init?: Init & MethodCallOptions & { [key: string]: unknown }]
    : [init: Init & MethodCallOptions & { [key: string]: unknown }];

/** openapi-fetch's method for `Method`, over the spec's paths, with {@link MethodCallOptions} typed in `init`. */
type ZuoraMethod<Method extends HttpMethod> = <
  Path extends ClientPathsWithMethod<Client<paths>, Method>,
  Init extends MaybeOptionalInit<paths[Path], Method>,
>(
  url: Path,
  ...init: InitArgument<Init>
) => Promise<FetchResponse<Operation<Path, Method>, Init, MediaType>>;

/** openapi-fetch's `request(method, path, init)`, with {@link MethodCallOptions} typed in `init`. */
type ZuoraRequestMethod = <
  Method extends HttpMethod,
  Path extends ClientPathsWithMethod<Client<paths>, Method>,
  Init extends MaybeOptionalInit<paths[Path], Method>,
>(
  method: Method,
  url: Path,
  ...init: InitArgument<Init>
) => Promise<FetchResponse<Operation<Path, Method>, Init, MediaType>>;

type Overridden = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE" | "request";

/**
 * openapi-fetch's client surface over the spec's `paths` (`GET`, `POST`, ..., `request`, `use`, `eject`), each call
 * going through the client's policies. Its types are openapi-fetch's, with the client's own per-call options
 * ({@link MethodCallOptions}) typed in `init`: `timeoutMs: "5"` does not compile, `timeoutMs: 5` does.
 */
export interface ZuoraMethods extends Omit<Client<paths>, Overridden> {
  /**
   * Sends a GET to a path of the spec and resolves to `{ data, response }` (2xx) or `{ error, response }`.
   * `init` takes openapi-fetch's options (`params`, `headers`, `parseAs`, ...) and the client's `timeoutMs` (per
   * attempt, in ms) and `maxRetries`, each defaulting to the client's.
   */
  GET: ZuoraMethod<"get">;
  /** Sends a PUT; as {@link ZuoraMethods.GET}, with `body`. */
  PUT: ZuoraMethod<"put">;
  /** Sends a POST; as {@link ZuoraMethods.GET}, with `body` (an `Idempotency-Key` is added, reused by every retry). */
  POST: ZuoraMethod<"post">;
  /** Sends a DELETE; as {@link ZuoraMethods.GET}. */
  DELETE: ZuoraMethod<"delete">;
  /** Sends an OPTIONS; as {@link ZuoraMethods.GET} (the spec has no such operation). */
  OPTIONS: ZuoraMethod<"options">;
  /** Sends a HEAD; as {@link ZuoraMethods.GET} (the spec has no such operation). */
  HEAD: ZuoraMethod<"head">;
  /** Sends a PATCH; as {@link ZuoraMethods.POST} (the spec has no such operation). */
  PATCH: ZuoraMethod<"patch">;
  /** Sends a TRACE; as {@link ZuoraMethods.GET} (the spec has no such operation). */
  TRACE: ZuoraMethod<"trace">;
  /** Sends `method` (lower case, as openapi-fetch takes it) to a path of the spec; as {@link ZuoraMethods.GET}. */
  request: ZuoraRequestMethod;
}
