import { createFinalURL, createQuerySerializer, defaultPathSerializer, type QuerySerializer } from "openapi-fetch";
import { MAX_TIMER_MS } from "../config/checkOptions.js";
import { ZuoraValidationError } from "../errors/ZuoraValidationError.js";
import type { FetchLike, PreparedCall } from "../pipeline/types.js";
import { collectHeaders } from "../validation/collectHeaders.js";
import { serializeBody } from "../validation/serializeBody.js";
import { snapshotValues } from "../validation/snapshotValues.js";
import { findOperation, validateRequest } from "../validation/validateRequest.js";

/** One call as a public surface received it (a helper's arguments, `zuora.GET`'s init): nothing read yet. */
export interface CallRequest {
  /** Upper-case. */
  method: string;
  /** The spec's path template (`/v1/entities/{id}`). */
  path: string;
  pathValues: unknown;
  query: unknown;
  /** Header sources, later ones winning: a Headers, an array of pairs or a plain object each. */
  headers: readonly unknown[];
  /** The body to send; undefined for none. */
  body: unknown;
  /** The caller's own body serializer (openapi-fetch's `bodySerializer`): its result travels as is. */
  bodySerializer?: unknown;
  /** The caller's own query serializer (openapi-fetch's `querySerializer`: a function or its options). */
  querySerializer?: unknown;
  /** A base URL for this call only (openapi-fetch's per-call `baseUrl`). */
  baseUrl?: unknown;
  signal?: unknown;
  timeoutMs?: unknown;
  maxRetries?: unknown;
  fetch?: unknown;
  /** What the per-call options are called where the caller wrote them (`options`, `init`), for messages. */
  optionsName: string;
}

/** The client's values a call falls back on. */
export interface CallDefaults {
  /** The client's base URL, without a trailing slash. */
  baseUrl: string;
  timeoutMs: number;
  maxRetries: number;
}

const utf8 = new TextEncoder();
const FORM = "application/x-www-form-urlencoded";
// openapi-fetch's own serializers (its defaults): the URL is built as openapi-fetch builds it.
const defaultQuerySerializer = createQuerySerializer();

/**
 * Prepares one call: reads every value once, checks it against the spec's rules (the generated table) and the
 * per-call options against theirs, serializes the body and builds the URL with openapi-fetch's serializers. Throws a
 * {@link ZuoraValidationError} naming the field and the rule, before anything is sent; what it returns is what travels.
 */
export async function prepareCall(call: CallRequest, defaults: CallDefaults): Promise<PreparedCall> {
  const { method, path } = call;
  const operation = findOperation(method, path);
  const operationId = operation?.operationId ?? `${method} ${path}`;
  const option = (name: string) => new OptionCheck(operationId, `${call.optionsName}.${name}`);
  const signal = option("signal").signal(call.signal);
  const timeoutMs = option("timeoutMs").duration(call.timeoutMs) ?? defaults.timeoutMs;
  const maxRetries = option("maxRetries").count(call.maxRetries) ?? defaults.maxRetries;
  const transport = option("fetch").fn(call.fetch) as FetchLike | undefined;
  const querySerializer = querySerializerOf(option("querySerializer").value(call.querySerializer));
  const bodySerializer = option("bodySerializer").fn(call.bodySerializer) as
    | ((body: unknown, headers: Headers) => unknown)
    | undefined;
  const baseUrl = call.baseUrl === undefined ? defaults.baseUrl : option("baseUrl").baseUrl(call.baseUrl);

  const headers = collectHeaders(...call.headers);
  const pathValues = snapshotValues(call.pathValues);
  const query = snapshotValues(call.query);
  // What travels is checked: the body as its JSON parsed back, so inherited fields, toJSON() and getters count as
  // sent. A caller's own serializer decides the bytes; its input is checked as given.
  const form = operation?.bodyType === FORM;
  const json = call.body === undefined || bodySerializer ? undefined : serializeBody(call.body, method, path);
  const checked = json === undefined ? call.body : JSON.parse(json);
  validateRequest({ method, path, body: checked, headers, pathParams: pathValues, query });

  const sent = new Headers([...headers]);
  let body: Uint8Array<ArrayBuffer> | null = null;
  if (bodySerializer && call.body !== undefined) {
    body = await bytesOf(bodySerializer(call.body, new Headers(sent)), sent);
  } else if (json !== undefined) {
    body = utf8.encode(form ? formEncode(checked) : json);
    if (!sent.has("content-type")) sent.set("content-type", form ? FORM : "application/json");
  }
  const url = new URL(
    createFinalURL(path, {
      baseUrl,
      params: { path: pathValues as Record<string, unknown>, query: (query ?? {}) as Record<string, unknown> },
      querySerializer,
      pathSerializer: defaultPathSerializer,
    }),
  ).href;
  return {
    operationId,
    url,
    method,
    headers: sent,
    body,
    signal,
    timeoutMs,
    maxRetries,
    authenticated: operation?.authenticated ?? true,
    transport,
  };
}

/** A flat, checked object as `a=1&b=2` (the token request's encoding). */
function formEncode(values: unknown): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(values as Record<string, unknown>)) {
    if (value !== undefined && value !== null) form.append(name, String(value));
  }
  return form.toString();
}

/** What a caller's body serializer returned, as bytes; a type it implies (a form, a Blob's) fills Content-Type. */
async function bytesOf(serialized: unknown, headers: Headers): Promise<Uint8Array<ArrayBuffer> | null> {
  if (serialized === undefined || serialized === null) return null;
  if (typeof serialized === "string") return utf8.encode(serialized);
  const response = new Response(serialized as BodyInit);
  const type = response.headers.get("content-type");
  if (type && !headers.has("content-type")) headers.set("content-type", type);
  return new Uint8Array(await response.arrayBuffer());
}

function querySerializerOf(given: unknown): QuerySerializer<unknown> {
  if (given === undefined) return defaultQuerySerializer;
  if (typeof given === "function") return given as QuerySerializer<unknown>;
  return createQuerySerializer(given as Parameters<typeof createQuerySerializer>[0]);
}

/** Checks one per-call option; each method returns the value to use (undefined: the client's default). */
class OptionCheck {
  constructor(
    private readonly operationId: string,
    private readonly field: string,
  ) {}

  private fail(rule: ZuoraValidationError["rule"], problem: string): never {
    throw new ZuoraValidationError({ operationId: this.operationId, field: this.field, rule, problem });
  }

  value(value: unknown): unknown {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "object" && typeof value !== "function") this.fail("type", "must be a function or an object");
    return value;
  }

  /** An AbortSignal, or none: a look-alike that never aborts would let the call run unstoppable. */
  signal(value: unknown): AbortSignal | undefined {
    if (value === undefined || value === null) return undefined;
    if (!(value instanceof AbortSignal)) this.fail("type", "must be an AbortSignal");
    return value;
  }

  fn(value: unknown): unknown {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "function") this.fail("type", `must be a function, got ${typeof value}`);
    return value;
  }

  duration(value: unknown): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "number" || Number.isNaN(value)) this.fail("type", "must be a number of ms");
    if (value < 1) this.fail("minimum", "must be at least 1 ms");
    if (value > MAX_TIMER_MS) this.fail("maximum", `must be at most ${MAX_TIMER_MS} ms`);
    return value;
  }

  count(value: unknown): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "number" || !Number.isSafeInteger(value)) this.fail("type", "must be a whole number");
    if (value < 0) this.fail("minimum", "must be at least 0");
    return value;
  }

  baseUrl(value: unknown): string {
    if (typeof value !== "string") this.fail("type", "must be a URL string");
    try {
      new URL(value);
    } catch {
      this.fail("type", "must be an absolute URL");
    }
    return value.endsWith("/") ? value.slice(0, -1) : value;
  }
}
