import type { constraints } from "../../generated/constraints.js";
import type { operations } from "../../generated/schema.js";
import type { ZuoraPromise } from "../withResponse.js";
import type { CallOptions } from "./callOptions.js";

// Every type here is derived from the generated table (`constraints`, for paths and pagination) and the generated
// schema (`operations`, for values): adding an operation to the spec adds its helper type with no edit here.

type Table = typeof constraints.operations;

/** The operations that get a helper: every one in the spec, the token request included. */
export type HelperId = keyof Table & keyof operations;

/** `"/a/{x}/b/{y}"` → `["x", "y"]`. */
type PathNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? [Name, ...PathNames<Rest>] : [];

type Parameters<K extends HelperId> = operations[K]["parameters"];
type PathValues<K extends HelperId> = NonNullable<Parameters<K>["path"]>;

/** The values of `Names`, in order, from `Values`. */
type ValuesOf<Names extends string[], Values> = Names extends [
  infer Name extends string,
  ...infer Rest extends string[],
]
  ? [Name extends keyof Values ? Values[Name] : never, ...ValuesOf<Rest, Values>]
  : [];

/** The path parameters as positional arguments, in the order of the path. */
type PathArgs<K extends HelperId> = ValuesOf<PathNames<Table[K]["path"]>, PathValues<K>>;

/** The request body (JSON, or the token request's form fields), when the operation takes one. */
type BodyArgs<K extends HelperId> = [NonNullable<operations[K]["requestBody"]>] extends [never]
  ? []
  : NonNullable<operations[K]["requestBody"]> extends { content: infer Content }
    ? [body: Content[keyof Content]]
    : [];

/** The query values of the operation (never when it takes none). */
export type QueryOf<K extends HelperId> = NonNullable<Parameters<K>["query"]>;

/**
 * Query values as a caller passes them: each may also be `undefined`, meaning "not sent", so that
 * `{ type: process.env.TYPE }`-style code compiles under `exactOptionalPropertyTypes` (as the options do).
 */
export type QueryValues<Q> = { [P in keyof Q]?: Q[P] | undefined };

type QueryArgs<K extends HelperId> = [QueryOf<K>] extends [never] ? [] : [query?: QueryValues<QueryOf<K>>];

/** What a helper resolves to: the 200 body, less the business failure (`success: false`), which it throws. */
export type SuccessOf<K extends HelperId> = Exclude<
  operations[K]["responses"][200]["content"]["application/json"],
  { success: false }
>;

/** The arguments of helper `K`: path parameters, then the body, then query values, then per-call options. */
export type HelperArgs<K extends HelperId> = [
  ...PathArgs<K>,
  ...BodyArgs<K>,
  ...QueryArgs<K>,
  options?: CallOptionsOf<K>,
];

/**
 * The per-call options of helper `K`. `idempotencyKey` only where the operation declares an `Idempotency-Key`
 * header (POST): elsewhere the client would refuse it at run time, so the compiler refuses it first.
 */
export type CallOptionsOf<K extends HelperId> = "Idempotency-Key" extends keyof NonNullable<Parameters<K>["header"]>
  ? CallOptions
  : Omit<CallOptions, "idempotencyKey"> & { idempotencyKey?: undefined };

/** One helper per operation, named by its operationId. */
export type OperationHelpers = {
  [K in HelperId]: (...args: HelperArgs<K>) => ZuoraPromise<SuccessOf<K>>;
};

/** The list operations that declare `x-pagination`. */
type PagedId = { [K in HelperId]: Table[K] extends { pagination: object } ? K : never }[HelperId];
type Pagination<K extends PagedId> = Table[K] extends { pagination: infer P extends Table[PagedId]["pagination"] }
  ? P
  : never;
type ItemOf<K extends PagedId> = SuccessOf<K>[Pagination<K>["items"] &
  keyof SuccessOf<K>] extends readonly (infer Item)[]
  ? Item
  : never;

/**
 * One iterator per paginated operation, named by its `x-pagination` helper (e.g. `allConnections`): every item of
 * every page, page after page. It takes the operation's query values less the page number, and the per-call options.
 */
export type PagerHelpers = {
  [K in PagedId as Pagination<K>["helper"]]: (
    query?: QueryValues<Omit<QueryOf<K>, Pagination<K>["page"]>>,
    options?: CallOptionsOf<K>,
  ) => AsyncIterable<ItemOf<K>>;
};
