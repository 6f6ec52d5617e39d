import { deref, isObject, type Json, type JsonObject } from "../codegen/spec.js";

/** One operation's documented request sample, read from the spec's `requestBody` examples. */
export interface OperationSample {
  operationId: string;
  method: string;
  path: string;
  contentType: string;
  body: Json;
}

/** The first request example of every operation that has one, so checks use the reference samples the spec holds. */
export function requestSamples(spec: JsonObject): OperationSample[] {
  const samples: OperationSample[] = [];
  for (const [path, item] of Object.entries(isObject(spec.paths) ? spec.paths : {})) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!isObject(operation) || typeof operation.operationId !== "string") continue;
      const body = deref(spec, operation.requestBody);
      const [contentType, media] =
        isObject(body) && isObject(body.content) ? (Object.entries(body.content)[0] ?? []) : [];
      if (!contentType || !isObject(media) || !isObject(media.examples)) continue;
      const example = deref(spec, Object.values(media.examples)[0]);
      if (!isObject(example) || example.value === undefined) continue;
      samples.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        contentType,
        body: example.value,
      });
    }
  }
  return samples;
}

/** The request sample of one operation; throws when the spec has none, so a dropped example fails loudly. */
export function requestSample(spec: JsonObject, operationId: string): OperationSample {
  const found = requestSamples(spec).find((sample) => sample.operationId === operationId);
  if (!found) throw new Error(`the spec has no request example for ${operationId}`);
  return found;
}

/**
 * A documented JSON response example of `METHOD path` (POST unless told): the one called `name`, or the first (the
 * one a rendered reference shows) when `name` is left out. Read from the spec, so checks compare against what
 * reviewers read.
 */
export function responseExample(spec: JsonObject, path: string, status: string, name?: string, method = "post"): Json {
  const operation = deref(spec, {
    $ref: `#/paths/${path.replaceAll("/", "~1")}/${method.toLowerCase()}`,
  }) as JsonObject;
  const response = deref(spec, (operation.responses as JsonObject)[status]) as JsonObject;
  const media = (response.content as JsonObject)["application/json"] as JsonObject; // every example here is JSON
  const examples = media.examples as JsonObject;
  const example = deref(spec, name === undefined ? Object.values(examples)[0] : examples[name]);
  if (!isObject(example) || example.value === undefined) {
    throw new Error(`no example ${name ?? "(first)"} for ${method.toUpperCase()} ${path} ${status}`);
  }
  return example.value;
}

/** An operation's whole reference request: its path and query parameters' examples, and its body sample if any. */
export interface ReferenceRequest {
  pathParams: Record<string, Json>;
  query: Record<string, Json>;
  /** Undefined for an operation that takes no body. */
  body: Json | undefined;
}

/**
 * The reference request of `operationId`, from the `example` of each of its path and query parameters and from its
 * request body example. Throws when a path parameter has no example, so a dropped example fails loudly.
 */
export function referenceRequest(spec: JsonObject, operationId: string): ReferenceRequest {
  for (const item of Object.values(isObject(spec.paths) ? spec.paths : {})) {
    if (!isObject(item)) continue;
    for (const operation of Object.values(item)) {
      if (!isObject(operation) || operation.operationId !== operationId) continue;
      const reference: ReferenceRequest = { pathParams: {}, query: {}, body: undefined };
      const parameters = [
        ...(Array.isArray(item.parameters) ? item.parameters : []),
        ...(Array.isArray(operation.parameters) ? operation.parameters : []),
      ];
      for (const raw of parameters) {
        const parameter = deref(spec, raw);
        if (!isObject(parameter) || typeof parameter.name !== "string") continue;
        if (parameter.in === "path") {
          if (parameter.example === undefined)
            throw new Error(`${operationId}: path parameter ${parameter.name} has no example`);
          reference.pathParams[parameter.name] = parameter.example;
        } else if (parameter.in === "query" && parameter.example !== undefined) {
          reference.query[parameter.name] = parameter.example;
        }
      }
      reference.body = requestSamples(spec).find((sample) => sample.operationId === operationId)?.body;
      return reference;
    }
  }
  throw new Error(`the spec has no operation ${operationId}`);
}
