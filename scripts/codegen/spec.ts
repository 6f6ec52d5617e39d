import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** Where the contract lives, relative to the repository root. */
export const SPEC_PATH = "openapi/multi-entity.yaml";

/** The spec file as a URL, resolved from this script's place in the repository (not the caller's cwd). */
export const specUrl = new URL(`../../${SPEC_PATH}`, import.meta.url);

/** A JSON value as read from YAML. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** Reads and parses the spec. */
export function readSpec(url: URL = specUrl): JsonObject {
  const document = parse(readFileSync(fileURLToPath(url), "utf8")) as Json;
  if (!isObject(document)) throw new Error(`${SPEC_PATH} is not a YAML mapping`);
  return document;
}

/** True for a JSON object (not an array, not null). */
export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Follows a local `$ref` (`#/components/...`) until it reaches a value that is not a reference.
 * Only local references are supported: the spec is one file by design.
 */
export function deref(spec: JsonObject, value: Json | undefined): Json | undefined {
  let current = value;
  const seen = new Set<string>();
  while (isObject(current) && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (!ref.startsWith("#/")) throw new Error(`only local $ref is supported, found ${ref}`);
    if (seen.has(ref)) throw new Error(`circular $ref ${ref}`);
    seen.add(ref);
    current = ref
      .slice(2)
      .split("/")
      .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<Json | undefined>((node, key) => (isObject(node) ? node[key] : undefined), spec);
    if (current === undefined) throw new Error(`unresolved $ref ${ref}`);
  }
  return current;
}
