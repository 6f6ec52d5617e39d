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
