import {
  createFinalURL,
  createQuerySerializer,
  defaultPathSerializer,
  type QuerySerializer,
  removeTrailingSlash,
} from "openapi-fetch";
import type { Violation } from "../../rules/checkValue.js";
import type { CompiledOperation } from "../../rules/requestRules.js";
import { ZuoraValidationError } from "../errors/ZuoraValidationError.js";
import { optionRules } from "../options/optionRules.js";
import type { FetchLike, PreparedCall } from "../pipeline/types.js";
import { collectHeaders } from "./collectHeaders.js";
import { serializeBody } from "./serializeBody.js";
import { snapshotValues } from "./snapshotValues.js";
import { findOperation, validateRequest } from "./validateRequest.js";

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
export const defaultQuerySerializer = createQuerySerializer();
const NOT_A_SIGNAL: Violation = { rule: "type", problem: "must be an AbortSignal" };

/**
 * Prepares one call: reads every value once, checks it against the spec's rules (the generated table) and the
 * per-call options against theirs, serializes the body and builds the URL with openapi-fetch's serializers. Throws a
 * {@link ZuoraValidationError} naming the field and the rule, before anything is sent; what it returns is what travels.
 */
export async function prepareCall(call: CallRequest, defaults: CallDefaults): Promise<PreparedCall> {
  const { method, path } = call;
  const operation = findOperation(method, path);
  const operationId = operation?.operationId ?? `${method} ${path}`;
  const option = (name: string, violation: Violation | null) =>
    checkOption(operationId, `${call.optionsName}.${name}`, violation);
  // A look-alike signal that never aborts would let the call run unstoppable.
  const signal = call.signal ?? undefined;
  option("signal", signal === undefined || signal instanceof AbortSignal ? null : NOT_A_SIGNAL);
  option("timeoutMs", optionRules.duration(call.timeoutMs, 1));
  option("maxRetries", optionRules.count(call.maxRetries, 0));
  option("fetch", optionRules.fn(call.fetch));
  option("bodySerializer", optionRules.fn(call.bodySerializer));
  option("baseUrl", optionRules.baseUrl(call.baseUrl));
  const timeoutMs = (call.timeoutMs ?? defaults.timeoutMs) as number;
  const maxRetries = (call.maxRetries ?? defaults.maxRetries) as number;
  const transport = (call.fetch ?? undefined) as FetchLike | undefined;
  const bodySerializer = (call.bodySerializer ?? undefined) as
    | ((body: unknown, headers: Headers) => unknown)
    | undefined;
  const querySerializer = querySerializerOf(call.querySerializer);
  const baseUrl = typeof call.baseUrl === "string" ? removeTrailingSlash(call.baseUrl) : defaults.baseUrl;

  const headers = collectHeaders(...call.headers);
  const pathValues = snapshotValues(call.pathValues);
  const query = snapshotValues(call.query);
  // What travels is checked: the body as its JSON parsed back, so inherited fields, toJSON() and getters count as
  // sent. A caller's own serializer decides the bytes; its input is checked as given.
  const form = operation?.bodyType === FORM;
  const json = call.body === undefined || bodySerializer ? undefined : serializeBody(call.body, method, path);
  const checked = json === undefined ? call.body : JSON.parse(json);
  validateRequest({ method, path, body: checked, headers, pathParams: pathValues, query, operation });

  // Appended one by one: a Headers built from a list of pairs converts the list first, which costs on every call.
  const sent = new Headers();
  for (const [name, value] of headers) sent.append(name, value);
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
    signal: signal as AbortSignal | undefined,
    timeoutMs,
    maxRetries,
    authenticated: operation?.authenticated ?? true,
    transport,
    bodySecrets: bodySecretsOf(operation, checked),
  };
}

/** The values of the body fields the spec marks as credentials (the token request's `client_secret`). */
function bodySecretsOf(operation: CompiledOperation | undefined, body: unknown): string[] {
  if (!operation || typeof body !== "object" || body === null) return [];
  const values = body as Record<string, unknown>;
  return operation.fields.flatMap((field) => {
    const value = field.secret ? values[field.name] : undefined;
    return typeof value === "string" ? [value] : [];
  });
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
  if (given === undefined || given === null) return defaultQuerySerializer;
  if (typeof given === "function") return given as QuerySerializer<unknown>;
  return createQuerySerializer(given as Parameters<typeof createQuerySerializer>[0]);
}

/** Refuses a per-call option that breaks its rule (see optionRules.ts), naming it, before anything is sent. */
function checkOption(operationId: string, field: string, violation: Violation | null): void {
  if (violation) throw new ZuoraValidationError({ operationId, field, ...violation });
}
