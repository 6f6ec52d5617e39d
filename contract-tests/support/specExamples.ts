import { deref, isObject, type Json, type JsonObject, readSpec } from "../../scripts/codegen/spec.js";

const spec = readSpec();

/** A documented response example, read from the spec so the suites compare against the same text reviewers read. */
export function responseExample(path: string, status: string, name: string): Json {
  const operation = deref(spec, { $ref: `#/paths/${path.replaceAll("/", "~1")}/post` }) as JsonObject;
  const response = deref(spec, (operation.responses as JsonObject)[status]) as JsonObject;
  const media = (response.content as JsonObject)["application/json"] as JsonObject; // every example here is JSON
  const example = deref(spec, (media.examples as JsonObject)[name]);
  if (!isObject(example) || example.value === undefined) throw new Error(`no example ${name} for ${path} ${status}`);
  return example.value;
}
