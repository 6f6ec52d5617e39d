import type { constraints } from "../../generated/constraints.js";
import type {
  OperationHelpers as DocumentedHelpers,
  PagerHelpers as DocumentedPagers,
} from "../../generated/helpers.js";
import type { operations } from "../../generated/schema.js";
import type { ZuoraPromise } from "../result/withResponse.js";
import type { CallOptions, UnkeyedCallOptions } from "./callOptions.js";

// Every type here is derived from the generated table (`constraints`, for pagination), the generated schema
// (`operations`, for values) and the generated helpers' declarations (names and docs): adding an operation to the
// spec adds its documented helper with no edit here.

type Table = typeof constraints.operations;

/** The operations that get a helper: every one in the spec, the token request included. */
export type HelperId = keyof Table & keyof operations;

type Parameters<K extends HelperId> = operations[K]["parameters"];

/** The request body (JSON, or the token request's form fields); never when the operation takes none. */
type BodyOf<K extends HelperId> =
  NonNullable<operations[K]["requestBody"]> extends { content: infer Content } ? Content[keyof Content] : never;

/** The query values of the operation (never when it takes none). */
export type QueryOf<K extends HelperId> = NonNullable<Parameters<K>["query"]>;

/**
 * Query values as a caller passes them: each may also be `undefined`, meaning "not sent", so that
 * `{ type: process.env.TYPE }`-style code compiles under `exactOptionalPropertyTypes` (as the options do).
 */
export type QueryValues<Q> = { [P in keyof Q]?: Q[P] | undefined };

/** What a helper resolves to: the 200 body, less the business failure (`success: false`), which it throws. */
export type SuccessOf<K extends HelperId> = Exclude<
  operations[K]["responses"][200]["content"]["application/json"],
  { success: false }
>;

/**
 * The per-call options of helper `K`. `idempotencyKey` only where the operation declares an `Idempotency-Key`
 * header (POST): elsewhere the client would refuse it at run time, so the compiler refuses it first.
 */
export type CallOptionsOf<K extends HelperId> = "Idempotency-Key" extends keyof NonNullable<Parameters<K>["header"]>
  ? CallOptions
  : UnkeyedCallOptions;

/** The types each helper's arguments and result take, by operationId (what the generated declarations read). */
export type OperationTypes = {
  [K in HelperId]: {
    path: NonNullable<Parameters<K>["path"]>;
    body: BodyOf<K>;
    query: QueryValues<QueryOf<K>>;
    options: CallOptionsOf<K>;
    result: ZuoraPromise<SuccessOf<K>>;
  };
};

/**
 * One helper per operation, named by its operationId: its arguments named as the spec names them, and its docs
 * (summary, description, parameters, errors, Zuora's reference page, an example) taken from the spec.
 */
export type OperationHelpers = DocumentedHelpers<OperationTypes>;

/** The list operations that declare `x-pagination`. */
type PagedId = { [K in HelperId]: Table[K] extends { pagination: object } ? K : never }[HelperId];
type Pagination<K extends PagedId> = Table[K] extends { pagination: infer P extends Table[PagedId]["pagination"] }
  ? P
  : never;
type ItemOf<K extends PagedId> = SuccessOf<K>[Pagination<K>["items"] &
  keyof SuccessOf<K>] extends readonly (infer Item)[]
  ? Item
  : never;

/** The types each pager's arguments and result take, by the operationId of its list operation. */
export type PagerTypes = {
  [K in PagedId]: {
    query: QueryValues<Omit<QueryOf<K>, Pagination<K>["page"]>>;
    options: CallOptionsOf<K>;
    result: AsyncIterable<ItemOf<K>>;
  };
};

/**
 * One iterator per paginated operation, named by its `x-pagination` helper (e.g. `allConnections`): every item of
 * every page, page after page. It takes the operation's query values less the page number, and the per-call options.
 */
export type PagerHelpers = DocumentedPagers<PagerTypes>;
