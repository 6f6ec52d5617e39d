import { constraints } from "../../generated/constraints.js";
import { readSpec } from "../codegen/spec.js";
import { referenceRequest } from "./samples.js";
import type { Candidate, OperationId } from "./verdicts.js";

/** One request built to probe one constraint, and whether the spec allows it. */
export interface ConstraintCase {
  operationId: string;
  name: string;
  candidate: Candidate;
  valid: boolean;
}

// Printable US-ASCII, plus one Latin-1 letter that a header can still carry.
const PROBE_CHARS = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i)), "é"];
// Path values that would address another resource if they travelled unencoded or were resolved by the URL parser.
const PATH_PROBES = ["", ".", "..", "a/b", "x?y=1", "#", " "];

type Rule = Record<string, unknown>;

/**
 * Derives probe requests from the generated constraints table, starting from each operation's reference request
 * (its parameters' examples and its body sample): each required field left out, each length limit at and one past
 * its boundary, each probe character a pattern forbids (once per distinct rule), each path value that could name another resource, and each
 * query value at and past its bounds, off its enum or of the wrong type. Nothing is listed by hand, so a constraint
 * or an operation added to the spec adds its cases.
 */
export function constraintCases(): ConstraintCase[] {
  const spec = readSpec();
  const out: ConstraintCase[] = [];
  // A pattern's character sweep runs once per distinct rule, on the first operation that has it: the same rule is
  // the same check in the client and in Prism for every operation, so sweeping it again costs time, not coverage.
  // Every operation still gets its own required, length, path-value and query probes.
  const swept = new Set<string>();
  const sweep = (rule: Rule) => {
    const key = JSON.stringify(rule);
    if (swept.has(key)) return false;
    swept.add(key);
    return true;
  };
  for (const operation of Object.values(constraints.operations)) {
    if (!operation.auth) continue;
    const operationId = operation.operationId as OperationId;
    const reference = referenceRequest(spec, operationId);
    const base: Candidate = {
      operationId,
      pathParams: reference.pathParams,
      query: {},
      body: reference.body,
      headers: {},
    };
    const add = (name: string, change: Partial<Candidate>, valid: boolean) =>
      out.push({ operationId, name, candidate: { ...base, ...change }, valid });
    const sample = (reference.body ?? {}) as Record<string, unknown>;

    for (const [field, rule] of Object.entries(operation.fields) as [string, Rule][]) {
      const withField = (value: unknown) => ({ body: { ...sample, [field]: value } });
      if (rule.required) {
        const { [field]: _, ...rest } = sample;
        add(`body.${field} missing`, { body: rest }, false);
      }
      if (typeof rule.maxLength === "number") {
        add(`body.${field} at ${rule.maxLength}`, withField("a".repeat(rule.maxLength)), true);
        add(`body.${field} at ${rule.maxLength + 1}`, withField("a".repeat(rule.maxLength + 1)), false);
      }
      if (rule.type === "array")
        for (const [name, list, valid] of listProbes(rule)) add(`body.${field} ${name}`, withField(list), valid);
      if (typeof rule.pattern === "string" && sweep({ field, ...rule })) {
        for (const char of forbidden(rule.pattern, "A", "B")) {
          add(`body.${field} with ${JSON.stringify(char)}`, withField(`A${char}B`), false);
        }
      }
    }

    for (const [name, rule] of Object.entries(operation.pathParams) as [string, Rule][]) {
      const withValue = (value: string) => ({ pathParams: { ...reference.pathParams, [name]: value } });
      const check = checkOf(rule);
      for (const value of PATH_PROBES) add(`path.${name} ${JSON.stringify(value)}`, withValue(value), check(value));
      if (typeof rule.maxLength === "number") {
        add(`path.${name} at ${rule.maxLength}`, withValue("a".repeat(rule.maxLength)), true);
        add(`path.${name} at ${rule.maxLength + 1}`, withValue("a".repeat(rule.maxLength + 1)), false);
      }
      if (typeof rule.pattern === "string" && sweep(rule)) {
        for (const char of forbidden(rule.pattern, "A", "B")) {
          add(`path.${name} with ${JSON.stringify(char)}`, withValue(`A${char}B`), false);
        }
      }
    }

    for (const [name, rule] of Object.entries(operation.query) as [string, Rule][]) {
      const withValue = (value: unknown) => ({ query: { [name]: value } });
      if (rule.type === "boolean") {
        add(`query.${name} true`, withValue(true), true);
        add(`query.${name} "yes"`, withValue("yes"), false);
      }
      if (Array.isArray(rule.enum)) {
        for (const value of rule.enum) add(`query.${name} ${JSON.stringify(value)}`, withValue(value), true);
        add(`query.${name} "sideways"`, withValue("sideways"), false);
      }
      if (typeof rule.minimum === "number") {
        add(`query.${name} at ${rule.minimum}`, withValue(rule.minimum), true);
        add(`query.${name} at ${rule.minimum - 1}`, withValue(rule.minimum - 1), false);
      }
      if (typeof rule.maximum === "number") {
        add(`query.${name} at ${rule.maximum}`, withValue(rule.maximum), true);
        add(`query.${name} at ${rule.maximum + 1}`, withValue(rule.maximum + 1), false);
      }
      if (rule.type === "integer") add(`query.${name} 1.5`, withValue(1.5), false);
    }

    for (const name of operation.headers) {
      const rule = constraints.headers[name as keyof typeof constraints.headers] as Rule;
      const withHeader = (value: string) => ({ headers: { [name]: value } });
      if (typeof rule.maxLength === "number") {
        add(`${name} at ${rule.maxLength}`, withHeader("h".repeat(rule.maxLength)), true);
        add(`${name} at ${rule.maxLength + 1}`, withHeader("h".repeat(rule.maxLength + 1)), false);
      }
      if (typeof rule.pattern === "string" && sweep({ header: name, ...rule })) {
        for (const char of forbidden(rule.pattern, "x", "y")) {
          add(`${name} with ${JSON.stringify(char)}`, withHeader(`x${char}y`), false);
        }
      }
    }
  }
  return out;
}

/**
 * An array field's probes: not an array; its item count at and past each bound; an item of the wrong type, and one
 * at and one past the items' length limit. Items are made-up IDs, so a probe judges the rule, not a resource.
 */
function listProbes(rule: Rule): [string, unknown, boolean][] {
  const items = (rule.items ?? {}) as Rule;
  const min = typeof rule.minItems === "number" ? rule.minItems : 0;
  const id = (n: number) => `e${n}`;
  const list = (count: number, item: (n: number) => unknown = id) => Array.from({ length: count }, (_, n) => item(n));
  const probes: [string, unknown, boolean][] = [["as a string", "e0", false]];
  probes.push([`with ${Math.max(min, 1)} item(s)`, list(Math.max(min, 1)), true]);
  if (min > 0) probes.push([`with ${min - 1} item(s)`, list(min - 1), false]);
  if (typeof rule.maxItems === "number") {
    probes.push([`with ${rule.maxItems} item(s)`, list(rule.maxItems), true]);
    probes.push([`with ${rule.maxItems + 1} item(s)`, list(rule.maxItems + 1), false]);
  }
  probes.push(["with a number item", list(Math.max(min, 1), () => 7), false]);
  if (typeof items.maxLength === "number") {
    const long = (length: number) => list(Math.max(min, 1), () => "a".repeat(length));
    probes.push([`with an item at ${items.maxLength}`, long(items.maxLength), true]);
    probes.push([`with an item at ${items.maxLength + 1}`, long(items.maxLength + 1), false]);
  }
  return probes;
}

/** Whether a path value meets its rule (length and pattern), as the spec states it. */
function checkOf(rule: Rule): (value: string) => boolean {
  const pattern = typeof rule.pattern === "string" ? new RegExp(rule.pattern, "u") : undefined;
  return (value) =>
    (typeof rule.minLength !== "number" || [...value].length >= rule.minLength) &&
    (typeof rule.maxLength !== "number" || [...value].length <= rule.maxLength) &&
    (pattern === undefined || pattern.test(value));
}

function forbidden(pattern: string, before: string, after: string): string[] {
  const regex = new RegExp(pattern, "u");
  return PROBE_CHARS.filter((char) => !regex.test(`${before}${char}${after}`));
}
